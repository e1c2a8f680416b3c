import { queryOptions } from '@tanstack/react-query';
import { loadWorkspaceSources } from '../data/embedded';
import { parseCsvRecords, parseFiguresCsv } from '../data/parse-csv';
import { DOCUMENT_COLUMN_TYPES, FIGURE_COLUMNS } from '../db';
import type { FigureRecord } from '../data/figure-record';
import type { DocumentRow } from './documents-query';

export interface EmbeddedData {
  figures: FigureRecord[];
  documents: DocumentRow[];
}

/**
 * The embedded dataset parsed straight from its CSV — the fast path that lets the overview draw before the
 * query engine has started. Interactive views query DuckDB instead.
 */
export async function fetchEmbeddedData(): Promise<EmbeddedData> {
  const { figuresCsv, documentsCsv, added = [], hidden = [] } = await loadWorkspaceSources();
  const documents = parseCsvRecords(documentsCsv, Object.keys(DOCUMENT_COLUMN_TYPES)).map((r): DocumentRow => ({
    doc_id: r.doc_id ?? '', title: r.title ?? '', publisher: r.publisher ?? '', published: r.published ?? '', url: r.url ?? '',
    file: r.file ?? '', place: r.place ?? '', genre: r.genre ?? '', added: added.includes(r.doc_id ?? ''), hidden: hidden.includes(r.doc_id ?? ''),
  }));
  const figures = parseFiguresCsv(figuresCsv, FIGURE_COLUMNS).filter((f) => !hidden.includes(f.doc_id));
  return { figures, documents };
}

export function embeddedDataOptions() {
  return queryOptions({ queryKey: ['embedded-data'], queryFn: fetchEmbeddedData });
}
