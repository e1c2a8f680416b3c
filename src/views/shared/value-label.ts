import { dimensionValueLabel } from '../../i18n/zh';

/** doc_id → report title, from the workspace's documents. */
export type DocumentTitles = ReadonlyMap<string, string>;

/** A dimension value as people read it: a report by its title when it is known, codes by their Chinese names. */
export function valueLabel(dimension: string, value: string, titles: DocumentTitles): string {
  return dimension === 'doc_id' && value !== '' ? (titles.get(value) ?? value) : dimensionValueLabel(dimension, value);
}

/** The titles of the workspace's documents, by doc_id. */
export function documentTitles(documents: readonly { doc_id: string; title: string }[]): DocumentTitles {
  return new Map(documents.map((d) => [d.doc_id, d.title]));
}
