/**
 * The rows an aggregate reads, with the meaning of the figures applied in the engine (the rule itself is
 * `lib/additivity.ts`; the unit tests hold the two to the same answers):
 * - each fact once: its first mention among the filtered figures;
 * - for sums, a total is never added to its own parts: each stated part whose total passes the filters gets a
 *   compensating row (minus its value) placed where the part and its total agree, and on a marker value in the
 *   columns where they differ. Under any grouping, the compensation falls in a group exactly when the part and
 *   its total both do; groups keyed by the marker are not real and are dropped by the readers.
 */
import { and, ident, join, raw, sql, type SqlFragment } from '../sql';
import { FIGURES_TABLE, type FigureFilters } from './filters';

/** The key of a compensation row in a column where a part and its total differ: never a real value. */
export const PHANTOM_KEY = '\u0001';

export interface HonestSourceSpec {
  /** Output columns (name → expression over one figure row); every grouping key an aggregate uses. */
  columns: ReadonlyArray<readonly [string, SqlFragment]>;
  /** Which figures count (the filters, as a condition over one figure row). */
  where: SqlFragment;
  /** Whether mentions of one fact may fall apart under this query (section or quote text in play). */
  mentionsDiffer: boolean;
  /**
   * Compensation rows for parts whose total is present (for sums): `rollup` places them under any grouping
   * (marker keys where part and total differ, for ROLLUP); `groups` keeps only those whose part and total fall
   * in one group (a plain GROUP BY, whose columns then keep their stored types); `none` adds none.
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

/** The figures passing `where`, each fact once, as a FROM item. */
function facts(where: SqlFragment, mentionsDiffer: boolean, extra: SqlFragment = raw('TRUE')): SqlFragment {
  // Mentions of a fact differ only in section, line and quote: unless those are in play, the first mention
  // stands for the fact exactly; otherwise the first mention that passes the filters does.
  return mentionsDiffer
    ? sql`(SELECT * FROM ${FIGURES_TABLE} WHERE ${and([where, extra])}
        QUALIFY row_number() OVER (PARTITION BY fact_id ORDER BY start) = 1)`
    : sql`(SELECT * FROM ${FIGURES_TABLE} WHERE ${and([where, extra, raw('mention = 1')])})`;
}

/**
 * Totals with stated parts. `parts` and `part_of` are stored columns, so where a table has none (most rows, and
 * every row of a table without breakdowns) DuckDB skips their blocks by their min/max: the compensation join
 * costs nothing there.
 */
const IS_TOTAL = raw('parts > 0');

/**
 * A subquery of the honest rows: the output columns, `value_base`, `agg`, `period`, `indicator`, `part_of` and
 * `comp` (1 on a compensation row, whose `part_of` is NULL so that it counts as no part).
 */
export function honestSource(spec: HonestSourceSpec): SqlFragment {
  const outputs = spec.columns.map(([name, expr]) => sql`${expr} AS ${ident(name)}`);
  const main = sql`SELECT ${join([...outputs, raw('value_base, agg, period, indicator, part_of, 0 AS comp')])}
    FROM ${facts(spec.where, spec.mentionsDiffer)}`;
  if (spec.parts === 'none') return sql`(${main})`;
  const same = (name: string) => sql`p.${ident(name)} IS NOT DISTINCT FROM t.${ident(name)}`;
  const keys = spec.parts === 'rollup'
    ? spec.columns.map(([name]) => sql`CASE WHEN ${same(name)} THEN p.${ident(name)}::VARCHAR ELSE ${PHANTOM_KEY} END AS ${ident(name)}`)
    : spec.columns.map(([name]) => sql`p.${ident(name)}`);
  const together = spec.parts === 'groups' ? sql` WHERE ${and(spec.columns.map(([name]) => same(name)))}` : raw('');
  const compensation = sql`SELECT ${join([
    ...keys,
    raw('-p.value_base AS value_base, p.agg, p.period, p.indicator, NULL AS part_of, 1 AS comp'),
  ])}
    FROM (SELECT ${join([...outputs, raw('value_base, agg, period, indicator, part_of')])}
          FROM ${facts(spec.where, spec.mentionsDiffer, raw('part_of IS NOT NULL'))}) AS p
    JOIN (SELECT ${join([...outputs, raw('fact_id')])} FROM ${facts(spec.where, spec.mentionsDiffer, IS_TOTAL)}) AS t
      ON p.part_of = t.fact_id${together}`;
  return sql`(${main} UNION ALL ${compensation})`;
}

/** The honest sum over honest rows (compensation included). */
export const HONEST_SUM = raw('sum(value_base)');

/** The number of facts over honest rows (compensation rows are not facts). */
export const FACT_COUNT = raw('(count(*) - sum(comp))::INTEGER');

/**
 * Why the rows of a group must not be added (a code of `SUM_REFUSALS`), or NULL. Min/max comparisons rather
 * than distinct counts (of 64-bit hashes for the indicator, a string), so the check stays one cheap pass; a
 * compensation row repeats its part's class, period and indicator, and only falls in a group its part is in,
 * so it never changes them.
 */
export const SUM_REFUSAL = raw(`CASE
    WHEN bool_or(agg = 'non_additive') THEN 'non_additive'
    WHEN min(agg) <> max(agg) THEN 'flow_and_stock'
    WHEN min(period) IS DISTINCT FROM max(period) OR (count(period) > 0 AND count(period) < count(*)) THEN 'periods'
    WHEN min(hash(indicator)) = max(hash(indicator)) THEN NULL
    WHEN count(part_of) = sum(comp)
      AND min(hash(indicator)) FILTER (WHERE part_of IS NULL AND comp = 0) = max(hash(indicator)) FILTER (WHERE part_of IS NULL AND comp = 0)
      THEN NULL
    WHEN count(part_of) = count(*) - sum(comp) AND min(part_of) = max(part_of) THEN NULL
    ELSE 'indicators' END`);
