import { queryOptions } from '@tanstack/react-query';
import type { FigureRecord } from '../data/figure-record';
import { sql } from '../sql';
import { fetchDocuments, type DocumentRow } from './documents-query';
import { EMPTY_FILTERS } from './filters';
import { fetchFigures } from './figures-query';
import { withSignal, type QueryRunner } from './run';

/** What the provenance panel shows of a figure: the figures of its document (in order) and the document. */
export interface FigureContext {
  figure: FigureRecord | null;
  figures: FigureRecord[];
  document: DocumentRow | null;
}

export async function fetchFigureContext(runner: QueryRunner, figureId: string): Promise<FigureContext> {
  const [row] = await runner(sql`SELECT doc_id FROM figures WHERE id = ${figureId}`);
  if (!row) return { figure: null, figures: [], document: null };
  const docId = String(row.doc_id);
  const [figures, documents] = await Promise.all([
    fetchFigures(runner, { filters: { ...EMPTY_FILTERS, doc_id: [docId] }, sort: { column: 'line', desc: false } }),
    fetchDocuments(runner),
  ]);
  return {
    figure: figures.find((f) => f.id === figureId) ?? null,
    figures,
    document: documents.find((d) => d.doc_id === docId) ?? null,
  };
}

export function figureContextOptions(runner: QueryRunner, figureId: string) {
  return queryOptions({ queryKey: ['figure-context', figureId], queryFn: ({ signal }) => fetchFigureContext(withSignal(runner, signal), figureId) });
}
