import { queryOptions } from '@tanstack/react-query';
import { and, ident, join, raw, sql, type SqlFragment, type SqlQuery } from '../sql';
import type { SumRefusal } from '../lib/additivity';
import { dimensionMatches, dimensionText, FIGURES_TABLE, filterCondition, type FigureFilters } from './filters';
import {
  COUNT_PARTIALS, FACT_COUNT, QUALIFIER_PARTIALS, SUM_PARTIALS, SUM_QUALIFIER, SUM_REFUSAL, combinedPartials, honestSource, markOf, mentionsDiffer,
  partialAggregates, type PartialAggregate,
} from './honest-source';
import { withSignal, type QueryRunner } from './run';

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
  /** For `sum`: how to read it (a single figure's qualifier, 约 where an added figure is approximate, 余 …), or ''. */
  qualifier: string;
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

/** A measure as partial aggregates (see `PartialAggregate`) and its output columns over them: v, w_unit, w_qualifier, refused. */
function measurePlan(measure: PivotMeasure): { partials: readonly PartialAggregate[]; columns: SqlFragment } {
  const none = raw('NULL AS w_unit, NULL AS w_qualifier, NULL AS refused');
  switch (measure) {
    case 'count':
      return { partials: COUNT_PARTIALS, columns: sql`NULL AS v, ${none}` };
    case 'written':
      return {
        partials: [
          ...COUNT_PARTIALS,
          { name: 'w_value', aggregate: 'any_value(w_value)', combine: 'any_value' },
          { name: 'w_unit', aggregate: 'any_value(w_unit)', combine: 'any_value' },
          { name: 'w_qualifier', aggregate: 'any_value(w_qualifier)', combine: 'any_value' },
        ],
        columns: raw(`CASE WHEN n_rows = 1 THEN w_value END AS v, CASE WHEN n_rows = 1 THEN w_unit END AS w_unit,
          CASE WHEN n_rows = 1 THEN coalesce(w_qualifier, '') END AS w_qualifier, NULL AS refused`),
      };
    case 'sum':
      return {
        partials: [...SUM_PARTIALS, ...QUALIFIER_PARTIALS],
        columns: sql`CASE WHEN (${SUM_REFUSAL}) IS NULL THEN total END AS v, NULL AS w_unit, ${SUM_QUALIFIER} AS w_qualifier,
          ${SUM_REFUSAL} AS refused`,
      };
    case 'avg':
      // An average means something within one indicator only (the average of growth rates and shares, or of an
      // average age and an age limit, does not): a cell of several indicators is refused.
      return {
        partials: [
          ...COUNT_PARTIALS,
          { name: 'v_sum', aggregate: 'sum(value_base)', combine: 'sum' },
          { name: 'v_n', aggregate: 'count(value_base)', combine: 'sum' },
          { name: 'i_min', aggregate: 'min(indicator::VARCHAR)', combine: 'min' },
          { name: 'i_max', aggregate: 'max(indicator::VARCHAR)', combine: 'max' },
        ],
        columns: sql`CASE WHEN i_min = i_max THEN v_sum::DOUBLE / v_n END AS v, NULL AS w_unit, NULL AS w_qualifier,
          CASE WHEN i_min <> i_max THEN 'average_indicators' END AS refused`,
      };
    case 'min':
    case 'max':
      return {
        partials: [...COUNT_PARTIALS, { name: 'm', aggregate: `${measure}(value_base)`, combine: measure }],
        columns: sql`m AS v, ${none}`,
      };
  }
}

/** `(grouping(a) + grouping(b))::INTEGER`: how many of these dimensions are rolled up in a result row. */
function rolledUp(names: readonly string[]): SqlFragment {
  if (names.length === 0) return raw('0');
  return sql`(${join(names.map((n) => sql`grouping(${ident(n)})`), ' + ')})::INTEGER`;
}

/**
 * One statement for every cell, subtotal and total: `GROUP BY ROLLUP(rows…), ROLLUP(columns…)[, unit]` is the
 * cross product of the two rollups, so each row-subtotal level meets each column-subtotal level, and numeric
 * measures stay within one base unit. It runs in two steps: partial aggregates over the honest rows (each fact
 * once; for sums, parts compensated where their total is present) per finest cell, then the rollup over those
 * cells. Dimensions are grouped as stored (an ENUM's codes) and read as text at the end; values are selected as
 * r0…, c0… ('' for no value, and for a rolled-up dimension: `row_rolled` tells which). For sums, each key is
 * grouped with its compensation mark, and groups marked as no real value are dropped.
 */
export function buildPivotQuery(params: PivotParams): SqlQuery {
  const { spec, filters } = params;
  checkPivotSpec(spec);
  const rowNames = spec.rows.map((_, i) => `r${i}`);
  const colNames = spec.columns.map((_, i) => `c${i}`);
  const split = isNumericMeasure(spec.measure);
  const marked = spec.measure === 'sum';
  const plan = measurePlan(spec.measure);
  const columns: Array<readonly [string, SqlFragment]> = [
    ...spec.rows.map((d, i) => [rowNames[i] ?? '', ident(d, PIVOT_DIMENSIONS)] as const),
    ...spec.columns.map((d, i) => [colNames[i] ?? '', ident(d, PIVOT_DIMENSIONS)] as const),
    ...(split ? [['unit', raw('base_unit')] as const] : []),
    ...(spec.measure === 'written' ? [['w_value', raw('value')], ['w_unit', raw('unit')], ['w_qualifier', raw('qualifier')]] as const : []),
  ];
  const own = PIVOT_DIMENSIONS.flatMap((d) => {
    const values = spec.filters[d] ?? [];
    return values.length > 0 ? [sql`(${dimensionMatches(d, values)})`] : [];
  });
  const source = honestSource({
    columns,
    where: and([filterCondition(filters), ...own]),
    mentionsDiffer: mentionsDiffer([...spec.rows, ...spec.columns], filters, spec.filters.section),
    parts: marked ? 'rollup' : 'none',
  });
  const keyNames = [...rowNames, ...colNames, ...(split ? ['unit'] : [])];
  const markNames = marked ? keyNames.map(markOf) : [];
  const cellKeys = [...keyNames, ...markNames].map((n) => ident(n));
  const cells = sql`SELECT ${join([...cellKeys, partialAggregates(plan.partials)])} FROM ${source} AS honest${
    cellKeys.length > 0 ? sql` GROUP BY ${join(cellKeys)}` : raw('')}`;
  // A key and its mark group as one: ROLLUP((r0, r0_mark), …).
  const key = (name: string) => (marked ? sql`(${ident(name)}, ${ident(markOf(name))})` : ident(name));
  const groups = [
    ...(rowNames.length > 0 ? [sql`ROLLUP(${join(rowNames.map(key))})`] : []),
    ...(colNames.length > 0 ? [sql`ROLLUP(${join(colNames.map(key))})`] : []),
    ...(split ? [key('unit')] : []),
  ];
  const levels = sql`SELECT ${join([
    ...keyNames.map((n) => ident(n)),
    sql`${rolledUp(rowNames)} AS row_rolled`,
    sql`${rolledUp(colNames)} AS col_rolled`,
    markNames.length > 0 ? sql`${join(markNames.map((n) => sql`coalesce(${ident(n)}, 0)`), ' + ')} AS marks` : raw('0 AS marks'),
    combinedPartials(plan.partials),
  ])} FROM (${cells})${groups.length > 0 ? sql` GROUP BY ${join(groups)}` : raw('')}`;
  return sql`SELECT ${join([
    ...[...rowNames, ...colNames].map((n) => sql`${dimensionText(ident(n))} AS ${ident(n)}`),
    split ? raw('unit::VARCHAR AS unit') : raw(`'' AS unit`),
    raw('row_rolled, col_rolled'),
    sql`${FACT_COUNT} AS n`,
    plan.columns,
  ])} FROM (${levels}) WHERE marks = 0`;
}

export async function fetchPivot(runner: QueryRunner, params: PivotParams): Promise<PivotRow[]> {
  const rows = await runner(buildPivotQuery(params));
  const { spec } = params;
  return rows.map((r) => {
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
      qualifier: spec.measure === 'sum' && (r.refused === null || r.refused === undefined) ? String(r.w_qualifier ?? '') : '',
    };
  });
}

export function pivotOptions(runner: QueryRunner, params: PivotParams) {
  return queryOptions({ queryKey: ['pivot', params], queryFn: ({ signal }) => fetchPivot(withSignal(runner, signal), params) });
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

export function dimensionValuesOptions(runner: QueryRunner, dimension: PivotDimension) {
  return queryOptions({ queryKey: ['dimension-values', dimension], queryFn: ({ signal }) => fetchDimensionValues(withSignal(runner, signal), dimension) });
}
