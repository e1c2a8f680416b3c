/**
 * When a set of figures may be added, and what their honest total is: the one rule every aggregate in the app
 * follows (the SQL builders in `queries/honest-source.ts` compute the same verdict in the engine).
 *
 * - A fact stated several times counts once (figures of one `fact_id`).
 * - A total is never added to its own parts: a part whose total is in the set is left out of the sum.
 * - Only one base unit (never 家 + 个, never CNY + USD).
 * - Never a non-additive figure (rates, shares, growth, ages, averages, ratios).
 * - Never flows together with stocks, and never across periods.
 * - One indicator, or the stated parts of one total (parts of a whole are disjoint); figures of different
 *   indicators may overlap (高新技术企业 and 雏鹰企业 are tiers of one population), so they are not added.
 */

/** Why a sum is refused. */
export const SUM_REFUSALS = ['units', 'non_additive', 'flow_and_stock', 'periods', 'indicators', 'average_indicators'] as const;
export type SumRefusal = (typeof SUM_REFUSALS)[number];

/** The fields of a figure that decide whether it may be added. */
export interface AdditiveFields {
  fact_id: string;
  part_of: string;
  base_unit: string;
  agg: string;
  period: string;
  indicator: string;
  value_base: number;
}

/** An honest total, or the reason there is none; `facts` counts each fact once. */
export type HonestSum =
  | { ok: true; value: number; facts: number }
  | { ok: false; reason: SumRefusal; facts: number };

/** Each fact once (its first figure in the list), in list order. */
export function distinctFacts<T extends Pick<AdditiveFields, 'fact_id'>>(figures: readonly T[]): T[] {
  const seen = new Set<string>();
  return figures.filter((f) => !seen.has(f.fact_id) && Boolean(seen.add(f.fact_id)));
}

/** The verdict of {@link honestSum} alone: the reason a sum of `figures` is refused, or null. */
export function sumRefusal(figures: readonly AdditiveFields[]): SumRefusal | null {
  const facts = distinctFacts(figures);
  if (new Set(facts.map((f) => f.base_unit)).size > 1) return 'units';
  if (facts.some((f) => f.agg === 'non_additive')) return 'non_additive';
  if (new Set(facts.map((f) => f.agg)).size > 1) return 'flow_and_stock';
  if (new Set(facts.map((f) => f.period)).size > 1) return 'periods';
  if (new Set(facts.map((f) => f.indicator)).size <= 1) return null;
  const present = new Set(facts.map((f) => f.fact_id));
  const cancelled = (f: AdditiveFields) => f.part_of !== '' && present.has(f.part_of);
  const wholes = facts.filter((f) => f.part_of === '');
  const looseParts = facts.filter((f) => f.part_of !== '' && !cancelled(f));
  // Totals with (only) their own parts: the totals' one indicator decides.
  if (looseParts.length === 0 && new Set(wholes.map((f) => f.indicator)).size === 1) return null;
  // Only the stated parts of one total: disjoint by the report's own words.
  if (wholes.length === 0 && new Set(looseParts.map((f) => f.part_of)).size === 1) return null;
  return 'indicators';
}

/**
 * The honest sum of `figures`: each fact once, parts left out where their total is present; refused (with the
 * reason) where the figures must not be added.
 */
export function honestSum(figures: readonly AdditiveFields[]): HonestSum {
  const facts = distinctFacts(figures);
  const reason = sumRefusal(facts);
  if (reason) return { ok: false, reason, facts: facts.length };
  const present = new Set(facts.map((f) => f.fact_id));
  const value = facts.reduce((sum, f) => (f.part_of !== '' && present.has(f.part_of) ? sum : sum + f.value_base), 0);
  return { ok: true, value, facts: facts.length };
}
