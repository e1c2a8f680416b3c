/**
 * The rows an aggregate reads, with the meaning of the figures applied in the engine (the rule itself is
 * `lib/additivity.ts`; the unit tests hold the two to the same answers):
 * - each fact once: its first mention among the filtered figures;
 * - for sums, a total is never added to its own parts: each stated part whose total passes the filters gets a
 *   compensating row (minus its value) placed where the part and its total agree, and marked as no real value
 *   in the columns where they differ. Under any grouping, the compensation falls in a group exactly when the
 *   part and its total both do; groups keyed by a mark are not real and are dropped.
 * The compensation reads `figures_linked` (the totals and parts alone, a few percent of the rows), so a sum
 * scans the full table once.
 */
import { and, ident, join, raw, sql, type SqlFragment } from '../sql';
import { FIGURES_TABLE, LINKED_TABLE, type FigureFilters } from './filters';

export interface HonestSourceSpec {
  /** Output columns (name → expression over one figure row); every grouping key an aggregate uses. */
  columns: ReadonlyArray<readonly [string, SqlFragment]>;
  /** Which figures count (the filters, as a condition over one figure row). */
  where: SqlFragment;
  /** Whether mentions of one fact may fall apart under this query (section or quote text in play). */
  mentionsDiffer: boolean;
  /**
   * Compensation rows for parts whose total is present (for sums): `rollup` places them under any grouping, for
   * ROLLUP: each output column `x` gets a companion `x_mark`, 1 on a compensation row where part and total
   * differ in `x` (group on both, and drop groups marked 1); `groups` keeps only those whose part and total
   * fall in one group (a plain GROUP BY); `none` adds none. Output columns keep their stored types.
   */
  parts: 'rollup' | 'groups' | 'none';
}

/**
 * Whether mentions of one fact can fall apart under a query grouping by `dimensions` with `filters`: they differ
 * only in section and quote text, so only a section dimension or filter, or a text search, can split them.
 */
export function mentionsDiffer(dimensions: readonly string[], filters: Pick<FigureFilters, 'section' | 'q'>, ownSections: readonly string[] = []): boolean {
  return dimensions.includes('section') || filters.section.length > 0 || filters.q.trim() !== '' || ownSections.length > 0;
}

/** The figures of `table` passing `where`, each fact once, as a FROM item. */
function facts(table: SqlFragment, where: SqlFragment, mentionsDiffer: boolean, extra: SqlFragment = raw('TRUE')): SqlFragment {
  // Mentions of a fact differ only in section, line and quote: unless those are in play, the first mention
  // stands for the fact exactly; otherwise the first mention that passes the filters does. Every mention of a
  // total or a part carries its `parts` or `part_of`, so the linked table holds all of a linked fact's mentions.
  return mentionsDiffer
    ? sql`(SELECT * FROM ${table} WHERE ${and([where, extra])}
        QUALIFY row_number() OVER (PARTITION BY fact_id ORDER BY start) = 1)`
    : sql`(SELECT * FROM ${table} WHERE ${and([where, extra, raw('mention = 1')])})`;
}

/** Totals with stated parts. */
const IS_TOTAL = raw('parts > 0');

/** The name of a column's mark in `rollup` compensation. */
export const markOf = (name: string): string => `${name}_mark`;

/**
 * A subquery of the honest rows: the output columns, `value_base`, `agg`, `period`, `indicator`, `qualifier`, `part_of` and
 * `comp` (1 on a compensation row, whose `part_of` is NULL so that it counts as no part).
 */
export function honestSource(spec: HonestSourceSpec): SqlFragment {
  const outputs = spec.columns.map(([name, expr]) => sql`${expr} AS ${ident(name)}`);
  const rollup = spec.parts === 'rollup';
  const unmarked = rollup ? spec.columns.map(([name]) => sql`0 AS ${ident(markOf(name))}`) : [];
  const main = sql`SELECT ${join([...outputs, ...unmarked, raw('value_base, agg, period, indicator, qualifier, part_of, 0 AS comp')])}
    FROM ${facts(FIGURES_TABLE, spec.where, spec.mentionsDiffer)}`;
  if (spec.parts === 'none') return sql`(${main})`;
  const same = (name: string) => sql`p.${ident(name)} IS NOT DISTINCT FROM t.${ident(name)}`;
  // UNION ALL pairs columns by position: the keys, then (for rollup) their marks, as in `main`.
  const keys = rollup
    ? [
      ...spec.columns.map(([name]) => sql`CASE WHEN ${same(name)} THEN p.${ident(name)} END AS ${ident(name)}`),
      ...spec.columns.map(([name]) => sql`CASE WHEN ${same(name)} THEN 0 ELSE 1 END AS ${ident(markOf(name))}`),
    ]
    : spec.columns.map(([name]) => sql`p.${ident(name)}`);
  const together = rollup ? raw('') : sql` WHERE ${and(spec.columns.map(([name]) => same(name)))}`;
  const compensation = sql`SELECT ${join([
    ...keys,
    raw('-p.value_base AS value_base, p.agg, p.period, p.indicator, p.qualifier, NULL AS part_of, 1 AS comp'),
  ])}
    FROM (SELECT ${join([...outputs, raw('value_base, agg, period, indicator, qualifier, part_of')])}
          FROM ${facts(LINKED_TABLE, spec.where, spec.mentionsDiffer, raw('part_of IS NOT NULL'))}) AS p
    JOIN (SELECT ${join([...outputs, raw('fact_id')])} FROM ${facts(LINKED_TABLE, spec.where, spec.mentionsDiffer, IS_TOTAL)}) AS t
      ON p.part_of = t.fact_id${together}`;
  return sql`(${main} UNION ALL ${compensation})`;
}

/**
 * An aggregate taken in two steps: `aggregate` over honest rows per finest group, then `combine` over those
 * partial results (for ROLLUP levels, which then read a few thousand partial rows instead of every row once
 * per level). Each is exact in either step: sums, counts, minima, maxima and any value all combine.
 */
export interface PartialAggregate {
  name: string;
  aggregate: string;
  combine: 'sum' | 'min' | 'max' | 'bool_or' | 'any_value';
}

/** Rows and compensation rows: the number of facts is their difference. */
export const COUNT_PARTIALS: readonly PartialAggregate[] = [
  { name: 'n_rows', aggregate: 'count(*)', combine: 'sum' },
  { name: 'n_comp', aggregate: 'sum(comp)', combine: 'sum' },
];

/** What a sum and its refusal need. */
export const SUM_PARTIALS: readonly PartialAggregate[] = [
  ...COUNT_PARTIALS,
  { name: 'total', aggregate: 'sum(value_base)', combine: 'sum' },
  { name: 'non_additive', aggregate: `bool_or(agg = 'non_additive')`, combine: 'bool_or' },
  { name: 'agg_min', aggregate: 'min(agg)', combine: 'min' },
  { name: 'agg_max', aggregate: 'max(agg)', combine: 'max' },
  { name: 'period_min', aggregate: 'min(period)', combine: 'min' },
  { name: 'period_max', aggregate: 'max(period)', combine: 'max' },
  { name: 'period_n', aggregate: 'count(period)', combine: 'sum' },
  { name: 'indicator_min', aggregate: 'min(indicator)', combine: 'min' },
  { name: 'indicator_max', aggregate: 'max(indicator)', combine: 'max' },
  { name: 'part_n', aggregate: 'count(part_of)', combine: 'sum' },
  // Indicators of the rows that are neither parts nor compensation (a CASE runs faster here than a FILTER).
  { name: 'own_min', aggregate: 'min(CASE WHEN part_of IS NULL AND comp = 0 THEN indicator END)', combine: 'min' },
  { name: 'own_max', aggregate: 'max(CASE WHEN part_of IS NULL AND comp = 0 THEN indicator END)', combine: 'max' },
  { name: 'part_of_min', aggregate: 'min(part_of)', combine: 'min' },
  { name: 'part_of_max', aggregate: 'max(part_of)', combine: 'max' },
];

/**
 * How exact a sum is: the net number of qualified figures added (a compensation row takes its part's back) and
 * the least and greatest qualifier among them — compared as stored (ENUM codes at scale), so no row is cast.
 */
export const QUALIFIER_PARTIALS: readonly PartialAggregate[] = [
  { name: 'q_n', aggregate: 'sum(CASE WHEN qualifier IS NULL THEN 0 ELSE 1 - 2 * comp END)', combine: 'sum' },
  { name: 'q_min', aggregate: 'min(qualifier)', combine: 'min' },
  { name: 'q_max', aggregate: 'max(qualifier)', combine: 'max' },
];

/**
 * The qualifier of a sum, over `QUALIFIER_PARTIALS` and `COUNT_PARTIALS`: a single figure's own (900余家, 约180亿元);
 * 余 where every qualified figure added is a lower bound of one kind (900余 + 500余 + 12 = 1412余); else 约.
 */
export const SUM_QUALIFIER = raw(`CASE
    WHEN q_n <= 0 THEN ''
    WHEN n_rows - n_comp = 1 THEN coalesce(q_max::VARCHAR, '')
    WHEN q_min = q_max AND q_max::VARCHAR IN ('余', '多', '超') THEN '余'
    ELSE '约' END`);

/** `aggregate AS name, …`: the first step, over honest rows. */
export function partialAggregates(partials: readonly PartialAggregate[]): SqlFragment {
  return join(partials.map((p) => sql`${raw(p.aggregate)} AS ${ident(p.name)}`));
}

/** `combine(name) AS name, …`: the second step, over the first step's rows. */
export function combinedPartials(partials: readonly PartialAggregate[]): SqlFragment {
  return join(partials.map((p) => sql`${raw(p.combine)}(${ident(p.name)}) AS ${ident(p.name)}`));
}

/** The number of facts, over `COUNT_PARTIALS` (compensation rows are not facts). */
export const FACT_COUNT = raw('(n_rows - n_comp)::INTEGER');

/**
 * Why the rows of a group must not be added (a code of `SUM_REFUSALS`), or NULL, over `SUM_PARTIALS`. Min/max
 * comparisons rather than distinct counts (on the indicator's codes where it is encoded), so the check stays
 * one cheap pass; a compensation row repeats its part's class, period and indicator, and only falls in a group
 * its part is in, so it never changes them.
 */
export const SUM_REFUSAL = raw(`CASE
    WHEN non_additive THEN 'non_additive'
    WHEN agg_min <> agg_max THEN 'flow_and_stock'
    WHEN period_min IS DISTINCT FROM period_max OR (period_n > 0 AND period_n < n_rows) THEN 'periods'
    WHEN indicator_min = indicator_max THEN NULL
    WHEN part_n = n_comp AND own_min = own_max THEN NULL
    WHEN part_n = n_rows - n_comp AND part_of_min = part_of_max THEN NULL
    ELSE 'indicators' END`);
