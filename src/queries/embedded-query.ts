import { queryOptions } from '@tanstack/react-query';
import { loadEmbeddedSources } from '../data/embedded';
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
  const { figuresCsv, documentsCsv } = await loadEmbeddedSources();
  const documents = parseCsvRecords(documentsCsv, Object.keys(DOCUMENT_COLUMN_TYPES)).map(
    (r) => r as unknown as DocumentRow,
  );
  return { figures: parseFiguresCsv(figuresCsv, FIGURE_COLUMNS), documents };
}

export function embeddedDataOptions() {
  return queryOptions({ queryKey: ['embedded-data'], queryFn: fetchEmbeddedData });
}
