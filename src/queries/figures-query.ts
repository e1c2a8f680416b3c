import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Row } from '../db';
import { toFigureRecord, type FigureRecord } from '../data/figure-record';
import { ident, inList, literal, raw, sql, type SqlFragment, type SqlQuery } from '../sql';
import { EMPTY_FILTERS, FIGURES_TABLE, RANKED_TABLE, filterCondition, type FigureFilters } from './filters';
import { withSignal, type QueryRunner } from './run';

/** What the figures can be sorted by: their own columns, and `doc_title`, the title of their report. */
export const SORTABLE_COLUMNS = [
  'id', 'line', 'section', 'value_base', 'unit', 'kind', 'category', 'indicator', 'subject', 'period', 'doc_title',
] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

/** The expression a sort column orders by: the column itself, or for `doc_title` the report's title. */
function sortKey(column: SortColumn): SqlFragment {
  if (column === 'doc_title') {
    return sql`(SELECT title FROM documents WHERE documents.doc_id = ${FIGURES_TABLE}.doc_id::VARCHAR)`;
  }
  return ident(column, SORTABLE_COLUMNS);
}

export interface FiguresParams {
  filters: FigureFilters;
  sort: { column: SortColumn; desc: boolean };
}

/** The query of one report's figures, in document order (the overview's). */
export function reportFiguresParams(docId: string): FiguresParams {
  return { filters: { ...EMPTY_FILTERS, doc_id: [docId] }, sort: { column: 'line', desc: false } };
}

/** The filtered figures largest first, as Compare's treemap, pairs and grouped-sum exports read them. */
export function largestFirst(filters: FigureFilters): FiguresParams {
  return { filters, sort: { column: 'value_base', desc: true } };
}

/** The filtered figures, sorted; ties keep document order. */
export function buildFiguresQuery({ filters, sort }: FiguresParams): SqlQuery {
  const direction = raw(sort.desc ? 'DESC' : 'ASC');
  return sql`SELECT * FROM ${FIGURES_TABLE} WHERE ${filterCondition(filters)}
    ORDER BY ${sortKey(sort.column)} ${direction} NULLS LAST, doc_id, start`;
}

/** Converts engine rows to typed figures (row numbers in errors count from the first result row). */
export function toFigures(rows: readonly Row[]): FigureRecord[] {
  return rows.map((row, i) => toFigureRecord(row, i + 1));
}

export async function fetchFigures(runner: QueryRunner, params: FiguresParams): Promise<FigureRecord[]> {
  return toFigures(await runner(buildFiguresQuery(params)));
}

/** What the compare view draws of a selection: the largest of each unit, and the largest overall for its list. */
export interface TopFiguresParams {
  filters: FigureFilters;
  /** The largest this many of each base unit (one bar chart per unit). */
  perUnit: number;
  /** And the largest this many overall (the pick list). */
  overall: number;
  /** Figures always returned whatever their rank (the analyst's picks). */
  keep: readonly string[];
}

/** The figures the compare view draws, with how many the selection holds in all and per base unit. */
export interface TopFigures {
  /** Largest first (ties in document order): the top of each unit and overall, and the kept ones. */
  figures: FigureRecord[];
  total: number;
  unitTotals: Record<string, number>;
}

/**
 * What the compare view asks for: the 15 largest of each unit (a bar chart each) and the 300 largest overall
 * (its pick list), with the picks whatever their rank. The warm-up and the benchmark's floor send the same.
 */
export function compareTop(filters: FigureFilters, picks: readonly string[] = []): TopFiguresParams {
  return { filters, perUnit: 15, overall: 300, keep: [...picks].sort() };
}

/**
 * The largest figures of the selection per base unit and overall, with the counts of all: a click on a
 * workspace of 300,000 figures sends back hundreds of rows, not the selection (the ranking runs in the engine).
 */
export function buildTopFiguresQuery({ filters, perUnit, overall, keep }: TopFiguresParams): SqlQuery {
  const picked = keep.length > 0 ? inList(sql`id`, keep) : sql`FALSE`;
  const ranks = (source: SqlFragment, rowId: SqlFragment, order: SqlFragment) => sql`SELECT row_id, unit_total, selection_total, overall_rank FROM (
        SELECT ${rowId} AS row_id, ${picked} AS picked,
          row_number() OVER (PARTITION BY base_unit ORDER BY ${order}) AS unit_rank,
          row_number() OVER (ORDER BY ${order}) AS overall_rank,
          count(*) OVER (PARTITION BY base_unit) AS unit_total, count(*) OVER () AS selection_total
        FROM ${source} WHERE ${filterCondition(filters)})
      WHERE unit_rank <= ${literal(perUnit)} OR overall_rank <= ${literal(overall)} OR picked`;
  // Ranked on the few columns the order needs; only the rows drawn are then read whole (the quotes are most of
  // a workspace's bytes, and ranking them along would sort them all). Without a text search the filters are all
  // columns of the ranking table, which holds each figure's place in the order: one integer to sort by.
  const ranked = filters.q.trim() === ''
    ? ranks(RANKED_TABLE, sql`row_id`, sql`ord`)
    : ranks(FIGURES_TABLE, sql`rowid`, sql`value_base DESC NULLS LAST, doc_id, start, id`);
  return sql`SELECT ${FIGURES_TABLE}.*, ranked.unit_total, ranked.selection_total FROM ${FIGURES_TABLE}
    JOIN (${ranked}) AS ranked ON ${FIGURES_TABLE}.rowid = ranked.row_id
    ORDER BY ranked.overall_rank`;
}

export async function fetchTopFigures(runner: QueryRunner, params: TopFiguresParams): Promise<TopFigures> {
  const rows = await runner(buildTopFiguresQuery(params));
  const unitTotals: Record<string, number> = {};
  for (const row of rows) unitTotals[String(row.base_unit)] = Number(row.unit_total);
  return { figures: toFigures(rows), total: Number(rows[0]?.selection_total ?? 0), unitTotals };
}

export function topFiguresOptions(runner: QueryRunner, params: TopFiguresParams) {
  return queryOptions({
    queryKey: ['top-figures', params],
    queryFn: ({ signal }) => fetchTopFigures(withSignal(runner, signal), params),
    placeholderData: keepPreviousData,
  });
}

/** TanStack Query options: the key holds every input. */
export function figuresOptions(runner: QueryRunner, params: FiguresParams) {
  return queryOptions({
    queryKey: ['figures', params],
    queryFn: ({ signal }) => fetchFigures(withSignal(runner, signal), params),
    placeholderData: keepPreviousData,
  });
}
