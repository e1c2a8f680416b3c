import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Row } from '../db';
import { toFigureRecord, type FigureRecord } from '../data/figure-record';
import { ident, raw, sql, type SqlQuery } from '../sql';
import { FIGURES_TABLE, filterCondition, type FigureFilters } from './filters';
import { withSignal, type QueryRunner } from './run';

export const SORTABLE_COLUMNS = [
  'id', 'line', 'section', 'value_base', 'unit', 'kind', 'category', 'indicator', 'subject', 'period',
] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

export interface FiguresParams {
  filters: FigureFilters;
  sort: { column: SortColumn; desc: boolean };
}

/**
 * The filtered figures largest first, as Compare charts them (the warm-up and the benchmark's query floor send
 * the same query, so that they warm and measure what a click sends).
 */
export function largestFirst(filters: FigureFilters): FiguresParams {
  return { filters, sort: { column: 'value_base', desc: true } };
}

/** The filtered figures, sorted; ties keep document order. */
export function buildFiguresQuery({ filters, sort }: FiguresParams): SqlQuery {
  const direction = raw(sort.desc ? 'DESC' : 'ASC');
  return sql`SELECT * FROM ${FIGURES_TABLE} WHERE ${filterCondition(filters)}
    ORDER BY ${ident(sort.column, SORTABLE_COLUMNS)} ${direction} NULLS LAST, doc_id, start`;
}

/** Converts engine rows to typed figures (row numbers in errors count from the first result row). */
export function toFigures(rows: readonly Row[]): FigureRecord[] {
  return rows.map((row, i) => toFigureRecord(row, i + 1));
}

export async function fetchFigures(runner: QueryRunner, params: FiguresParams): Promise<FigureRecord[]> {
  return toFigures(await runner(buildFiguresQuery(params)));
}

/** TanStack Query options: the key holds every input. */
export function figuresOptions(runner: QueryRunner, params: FiguresParams) {
  return queryOptions({
    queryKey: ['figures', params],
    queryFn: ({ signal }) => fetchFigures(withSignal(runner, signal), params),
    placeholderData: keepPreviousData,
  });
}
