import { queryOptions } from '@tanstack/react-query';
import { and, ident, inList, join, raw, sql, type SqlFragment, type SqlQuery } from '../sql';
import type { SumRefusal } from '../lib/additivity';
import { FIGURES_TABLE, filterCondition, type FigureFilters } from './filters';
import { FACT_COUNT, HONEST_SUM, PHANTOM_KEY, SUM_REFUSAL, honestSource, mentionsDiffer } from './honest-source';
import { run, type QueryRunner } from './run';

/** The figure columns a pivot can put on rows, columns or filter by (`doc_id` is the document). */
export const PIVOT_DIMENSIONS = [
  'category', 'kind', 'base_unit', 'subject', 'section', 'period', 'indicator', 'doc_id',
] as const;
export type PivotDimension = (typeof PIVOT_DIMENSIONS)[number];

/**
 * count of facts (a fact stated twice counts once); sum/min/max/avg of value_base (per base unit, each fact once;
 * a sum never adds a total to its own parts and is refused where the figures must not be added); a single
 * figure's value as written.
 */
export const PIVOT_MEASURES = ['count', 'sum', 'min', 'max', 'avg', 'written'] as const;
export type PivotMeasure = (typeof PIVOT_MEASURES)[number];

/** What a pivot shows: dimensions down and across, one measure, and filters on any dimension. */
export interface PivotSpec {
  rows: PivotDimension[];
  columns: PivotDimension[];
  measure: PivotMeasure;
  /** Filters beyond the app's filter bar (e.g. indicator); an empty or missing list means any value. */
  filters: Partial<Record<PivotDimension, string[]>>;
}

export interface PivotParams {
  spec: PivotSpec;
  /** The app's filters (filter bar), applied before the pivot's own. */
  filters: FigureFilters;
}

/** One aggregate of the result: a cell, a subtotal or a total, told apart by the length of its keys. */
export interface PivotRow {
  /** Values of the first `rowKey.length` row dimensions; shorter than `spec.rows` on a subtotal. */
  rowKey: string[];
  colKey: string[];
  /** The base unit of this aggregate, or '' when the measure does not split by unit. */
  unit: string;
  count: number;
  /** The aggregate of value_base; for `written`, the figure's own value when the cell holds exactly one. */
  value: number | null;
  /** For `written` cells with one figure: its unit and qualifier as the report wrote them. */
  written: { unit: string; qualifier: string } | null;
  /** For `sum`: why these figures must not be added (the value is then null), or null. */
  refused: SumRefusal | null;
}

/** True for measures over value_base, which are never combined across base units. */
export function isNumericMeasure(measure: PivotMeasure): boolean {
  return measure !== 'count' && measure !== 'written';
}

/**
 * Numeric measures split by base unit: when base_unit is not on rows or columns it becomes an implicit split,
 * so 亿元 and 平方米 are never added together.
 */
export function implicitUnitSplit(spec: PivotSpec): boolean {
  return isNumericMeasure(spec.measure) && !spec.rows.includes('base_unit') && !spec.columns.includes('base_unit');
}

/** Throws on a spec that cannot be built (unknown or repeated dimensions, unknown measure). */
export function checkPivotSpec(spec: PivotSpec): void {
  const used = [...spec.rows, ...spec.columns];
  for (const d of used) ident(d, PIVOT_DIMENSIONS);
  const repeated = used.find((d, i) => used.indexOf(d) !== i);
  if (repeated) throw new Error(`Dimension "${repeated}" is used twice in the pivot`);
  if (!PIVOT_MEASURES.includes(spec.measure)) throw new Error(`Unknown pivot measure "${spec.measure}"`);
}

function keyExpr(dimension: PivotDimension): SqlFragment {
  return sql`coalesce(${ident(dimension, PIVOT_DIMENSIONS)}, '')`;
}

function measureColumns(measure: PivotMeasure): SqlFragment {
  switch (measure) {
    case 'count':
      return raw('NULL AS v, NULL AS w_unit, NULL AS w_qualifier, NULL AS refused');
    case 'written':
      return raw(`CASE WHEN count(*) = 1 THEN any_value(w_value) END AS v,
        CASE WHEN count(*) = 1 THEN any_value(w_unit) END AS w_unit,
        CASE WHEN count(*) = 1 THEN coalesce(any_value(w_qualifier), '') END AS w_qualifier, NULL AS refused`);
    case 'sum':
      return sql`CASE WHEN (${SUM_REFUSAL}) IS NULL THEN ${HONEST_SUM} END AS v, NULL AS w_unit, NULL AS w_qualifier,
        ${SUM_REFUSAL} AS refused`;
    default:
      return sql`${raw(measure)}(value_base) AS v, NULL AS w_unit, NULL AS w_qualifier, NULL AS refused`;
  }
}

/** `(grouping(a) + grouping(b))::INTEGER`: how many of these dimensions are rolled up in a result row. */
function rolledUp(names: readonly string[]): SqlFragment {
  if (names.length === 0) return raw('0');
  return sql`(${join(names.map((n) => sql`grouping(${ident(n)})`), ' + ')})::INTEGER`;
}

/**
 * One statement for every cell, subtotal and total: `GROUP BY ROLLUP(rows…), ROLLUP(columns…)[, unit]` over the
 * honest rows (each fact once; for sums, parts compensated where their total is present) is the cross product
 * of the two rollups, so each row-subtotal level meets each column-subtotal level, and numeric measures stay
 * within one base unit. Dimension values are selected as r0…, c0… (NULL = rolled up).
 */
export function buildPivotQuery(params: PivotParams): SqlQuery {
  const { spec, filters } = params;
  checkPivotSpec(spec);
  const rowNames = spec.rows.map((_, i) => `r${i}`);
  const colNames = spec.columns.map((_, i) => `c${i}`);
  const split = isNumericMeasure(spec.measure);
  const columns: Array<readonly [string, SqlFragment]> = [
    ...spec.rows.map((d, i) => [rowNames[i] ?? '', keyExpr(d)] as const),
    ...spec.columns.map((d, i) => [colNames[i] ?? '', keyExpr(d)] as const),
    ...(split ? [['unit', raw('base_unit')] as const] : []),
    ...(spec.measure === 'written' ? [['w_value', raw('value')], ['w_unit', raw('unit')], ['w_qualifier', raw('qualifier')]] as const : []),
  ];
  const own = PIVOT_DIMENSIONS.flatMap((d) => {
    const values = spec.filters[d] ?? [];
    return values.length > 0 ? [inList(keyExpr(d), values)] : [];
  });
  const source = honestSource({
    columns,
    where: and([filterCondition(filters), ...own]),
    mentionsDiffer: mentionsDiffer([...spec.rows, ...spec.columns], filters, spec.filters.section),
    parts: spec.measure === 'sum' ? 'rollup' : 'none',
  });
  const select = [
    ...rowNames.map((n) => ident(n)),
    ...colNames.map((n) => ident(n)),
    split ? raw('unit::VARCHAR AS unit') : raw(`'' AS unit`),
    sql`${rolledUp(rowNames)} AS row_rolled`,
    sql`${rolledUp(colNames)} AS col_rolled`,
    sql`${FACT_COUNT} AS n`,
    measureColumns(spec.measure),
  ];
  const groups = [
    ...(rowNames.length > 0 ? [sql`ROLLUP(${join(rowNames.map((n) => ident(n)))})`] : []),
    ...(colNames.length > 0 ? [sql`ROLLUP(${join(colNames.map((n) => ident(n)))})`] : []),
    ...(split ? [raw('unit')] : []),
  ];
  const groupBy = groups.length > 0 ? sql` GROUP BY ${join(groups)}` : raw('');
  return sql`SELECT ${join(select)} FROM ${source} AS honest${groupBy}`;
}

/** A result row keyed by a compensation marker is no real cell (see `honest-source.ts`). */
const isPhantom = (keys: readonly string[], unit: string): boolean => unit === PHANTOM_KEY || keys.includes(PHANTOM_KEY);

export async function fetchPivot(runner: QueryRunner, params: PivotParams): Promise<PivotRow[]> {
  const rows = await runner(buildPivotQuery(params));
  const { spec } = params;
  const out = rows.map((r) => {
    const rowKey = spec.rows.slice(0, spec.rows.length - Number(r.row_rolled)).map((_, i) => String(r[`r${i}`] ?? ''));
    const colKey = spec.columns.slice(0, spec.columns.length - Number(r.col_rolled)).map((_, i) => String(r[`c${i}`] ?? ''));
    const value = r.v === null || r.v === undefined ? null : Number(r.v);
    return {
      rowKey,
      colKey,
      unit: String(r.unit ?? ''),
      count: Number(r.n),
      value,
      written: r.w_unit === null || r.w_unit === undefined ? null : { unit: String(r.w_unit), qualifier: String(r.w_qualifier ?? '') },
      refused: r.refused === null || r.refused === undefined ? null : (String(r.refused) as SumRefusal),
    };
  });
  return out.filter((r) => !isPhantom([...r.rowKey, ...r.colKey], r.unit));
}

export function pivotOptions(params: PivotParams) {
  return queryOptions({ queryKey: ['pivot', params], queryFn: () => fetchPivot(run, params) });
}

/** Distinct values of one dimension (for the pivot's own filter menus), most frequent first. */
export function buildDimensionValuesQuery(dimension: PivotDimension): SqlQuery {
  return sql`SELECT ${keyExpr(dimension)} AS value, count(*)::INTEGER AS n FROM ${FIGURES_TABLE}
    GROUP BY 1 ORDER BY n DESC, value LIMIT 500`;
}

export async function fetchDimensionValues(runner: QueryRunner, dimension: PivotDimension): Promise<{ value: string; count: number }[]> {
  const rows = await runner(buildDimensionValuesQuery(dimension));
  return rows.map((r) => ({ value: String(r.value ?? ''), count: Number(r.n) }));
}

export function dimensionValuesOptions(dimension: PivotDimension) {
  return queryOptions({ queryKey: ['dimension-values', dimension], queryFn: () => fetchDimensionValues(run, dimension) });
}
