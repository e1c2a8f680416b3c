/**
 * Scores extracted metric statements against a hand-checked gold list: recall and precision of
 * (document, line, metric, value), per metric and overall, and on the matches how often the basis and the data
 * year agree. Pure: the eval script (scripts/eval.ts) reads the files, this counts.
 */

/** One statement of a metric: where it is, which metric, its value in the metric's base unit. */
export interface Statement {
  doc: string;
  line: number;
  metric: string;
  /** Exact decimal. */
  value: string;
  basis: string;
  data_year: number | null;
  /** For the listing of misses. */
  quote: string;
}

export interface MetricScore {
  metric: string;
  gold: number;
  predicted: number;
  matched: number;
}

export interface Score {
  byMetric: MetricScore[];
  overall: MetricScore & { recall: number; precision: number };
  /** On the matched statements. */
  basisAgreement: number;
  dataYearAgreement: number;
  missed: Statement[];
  extra: Statement[];
  /** Matched pairs whose basis or data year differ: [gold, predicted]. */
  disagreements: [Statement, Statement][];
}

/** A decimal string in one form: no sign for zero, no trailing fractional zeros, no leading zeros. */
export function canonicalDecimal(value: string): string {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(value.trim());
  if (!m) return value.trim();
  const [, sign = '', whole = '', frac = ''] = m;
  const integer = whole.replace(/^0+/, '') || '0';
  const fraction = frac.replace(/0+$/, '');
  const body = fraction ? `${integer}.${fraction}` : integer;
  return body === '0' ? '0' : `${sign === '-' ? '-' : ''}${body}`;
}

const keyOf = (s: Statement) => `${s.doc}\u0000${s.line}\u0000${s.metric}\u0000${canonicalDecimal(s.value)}`;

/** Matches gold and predicted statements one to one by (doc, line, metric, value). */
export function scoreStatements(gold: readonly Statement[], predicted: readonly Statement[]): Score {
  const waiting = new Map<string, Statement[]>();
  for (const p of predicted) waiting.set(keyOf(p), [...(waiting.get(keyOf(p)) ?? []), p]);
  const missed: Statement[] = [];
  const pairs: [Statement, Statement][] = [];
  for (const g of gold) {
    const candidates = waiting.get(keyOf(g));
    // Among equal keys, the one that agrees on basis and year first.
    const at = candidates?.findIndex((p) => p.basis === g.basis && p.data_year === g.data_year) ?? -1;
    const taken = candidates?.splice(at >= 0 ? at : 0, 1)[0];
    if (taken) pairs.push([g, taken]);
    else missed.push(g);
  }
  const extra = [...waiting.values()].flat();
  const metrics = [...new Set([...gold, ...predicted].map((s) => s.metric))].sort();
  const count = (list: readonly Statement[], metric: string) => list.filter((s) => s.metric === metric).length;
  const byMetric = metrics.map((metric) => ({
    metric, gold: count(gold, metric), predicted: count(predicted, metric), matched: pairs.filter(([g]) => g.metric === metric).length,
  }));
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const overall = { metric: 'all', gold: gold.length, predicted: predicted.length, matched: pairs.length };
  return {
    byMetric,
    overall: { ...overall, recall: ratio(pairs.length, gold.length), precision: ratio(pairs.length, predicted.length) },
    basisAgreement: ratio(pairs.filter(([g, p]) => g.basis === p.basis).length, pairs.length),
    dataYearAgreement: ratio(pairs.filter(([g, p]) => g.data_year === p.data_year).length, pairs.length),
    missed,
    extra,
    disagreements: pairs.filter(([g, p]) => g.basis !== p.basis || g.data_year !== p.data_year),
  };
}
