import type { FigureRecord } from '../../data/figure-record';
import { dimensionValueLabel } from '../../i18n/zh';
import { formatAsWritten } from '../../lib/format';
import type { SortColumn } from '../../queries';
import { shortLabel } from '../options-common';
import { valueLabel, type DocumentTitles } from '../shared/value-label';

/** One column of the explorer's table: its header key (see `t.explorer.columns`), sort, width and cell text. */
export interface ExplorerColumn {
  key: string;
  sort?: SortColumn;
  /** A CSS grid track. */
  width: string;
  text: (f: FigureRecord, titles: DocumentTitles) => string;
  /** The full text on hover, where the cell may show less of it. */
  hover?: (f: FigureRecord, titles: DocumentTitles) => string;
}

/** A report's title in the table is cut to this many characters; the full title is on hover. */
const REPORT_TITLE_CHARS = 10;

const reportTitle = (f: FigureRecord, titles: DocumentTitles) => valueLabel('doc_id', f.doc_id, titles);

/**
 * The explorer's columns, left to right: the report sits before the section and quote it locates. Their least
 * widths add up to 72.5rem, as before the report column (indicator and quote gave it room), so the table fits
 * the same windows; wider, the report's title grows to its short form and indicator and quote take the rest.
 */
export const EXPLORER_COLUMNS: readonly ExplorerColumn[] = [
  { key: 'id', sort: 'id', width: '5.5rem', text: (f) => f.id.split(':').pop() ?? f.id },
  { key: 'value', sort: 'value_base', width: '9rem', text: formatAsWritten },
  { key: 'indicator', sort: 'indicator', width: 'minmax(8rem, 1.2fr)', text: (f) => f.indicator },
  { key: 'subject', sort: 'subject', width: '8rem', text: (f) => f.subject },
  { key: 'category', sort: 'category', width: '7.5rem', text: (f) => dimensionValueLabel('category', f.category) },
  { key: 'kind', sort: 'kind', width: '4.5rem', text: (f) => dimensionValueLabel('kind', f.kind) },
  { key: 'period', sort: 'period', width: '8rem', text: (f) => f.period },
  {
    key: 'report', sort: 'doc_title', width: 'minmax(6rem, 11.5rem)',
    text: (f, titles) => shortLabel(reportTitle(f, titles), REPORT_TITLE_CHARS), hover: reportTitle,
  },
  { key: 'section', sort: 'section', width: '6rem', text: (f) => f.section },
  { key: 'quote', width: 'minmax(10rem, 2fr)', text: (f) => f.quote, hover: (f) => f.quote },
];
