/**
 * Checks that the numbers agree (核对): a stated growth rate against the values of the two years it joins, a goal
 * against its outcome, one metric stated with different values for the same place and year. Each check carries
 * both statements and the arithmetic. Written values are rounded, so a growth rate disagrees only when no values
 * within the rounding of what was written give it; a check that cannot apply (a growth at constant prices, an
 * average over years, a comparable-scope growth) is not made, and the reason is counted.
 */
import { METRICS, type Metric } from '../extract/metrics';
import { formatNumber, formatQuantity } from '../lib/format';
import { halfLastDigit, type MetricPoint, type MetricSeries, type MetricStatement } from './metrics-query';

export type CheckKind = 'growth' | 'target' | 'restated' | 'parts';

export interface MetricCheck {
  kind: CheckKind;
  metric: Metric;
  place: string;
  data_year: number;
  /** The statements compared: the first is the one checked, the others what it is checked against. */
  statements: MetricStatement[];
  /** The arithmetic, in words (Chinese, for the list). */
  arithmetic: string;
}

/** Why a check was not made, counted per reason. */
export interface ChecksResult {
  checks: MetricCheck[];
  notApplicable: { constantPrices: number; averages: number; comparableScope: number };
}

const rounding = halfLastDigit;

const fmt = formatNumber;

/** A value of a metric as people read it: 6.5%, 136亿元, 3,300人. */
function valueText(metric: Metric, value: number, unit = metric.base_unit): string {
  return unit === 'percent' ? `${fmt(value)}%` : formatQuantity(value, unit);
}

/** A difference: percentage points for rates, the metric's unit otherwise; signed. */
function differenceText(metric: Metric, difference: number): string {
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '';
  return metric.base_unit === 'percent' ? `${sign}${fmt(Math.abs(difference))}个百分点` : `${sign}${formatQuantity(Math.abs(difference), metric.base_unit)}`;
}

/** Growth rates stated against the two years' values (nominal metrics only). */
function growthChecks(levels: MetricSeries, growth: MetricSeries, result: ChecksResult): void {
  const actual = new Map(levels.points.filter((p) => p.basis === 'actual' && !p.average).map((p) => [`${p.place}\u0000${p.data_year}`, p]));
  for (const point of growth.points.filter((p) => p.basis === 'actual')) {
    if (point.average) {
      result.notApplicable.averages++;
      continue;
    }
    const stated = point.figure;
    if (/可比/.test(stated.quote)) {
      result.notApplicable.comparableScope++;
      continue;
    }
    const now = actual.get(`${point.place}\u0000${point.data_year}`);
    const before = actual.get(`${point.place}\u0000${point.data_year - 1}`);
    // Two scopes stated in one report (财政总收入 and 地方财政总收入): which one the growth joins is not known.
    if (!now || !before || now.ambiguous || before.ambiguous || point.ambiguous) continue;
    // A year's value reports disagree on (a restatement, flagged apart) is taken as each report states it: the
    // growth agrees when some pair of the two years' statements gives it.
    const pairs = statementsOf(now).flatMap((n) => statementsOf(before).map((b) => [n, b] as const)).filter(([, b]) => b.value > 0);
    const ranges = pairs.map(([n, b]) => ({ n, b, ...impliedGrowth(n, b) }));
    const dg = rounding(stated);
    if (ranges.length === 0 || ranges.some((r) => stated.value + dg >= r.low && stated.value - dg <= r.high)) continue;
    // Shown with the current year's value as the growth's own report states it, where it does.
    const { n, b, low, high } = ranges.find((r) => r.n.doc_id === stated.doc_id) ?? (ranges[0] as (typeof ranges)[number]);
    const implied = (n.value / b.value - 1) * 100;
    result.checks.push({
      kind: 'growth', metric: growth.metric, place: point.place, data_year: point.data_year,
      statements: [stated, n, b],
      arithmetic: `${valueText(levels.metric, n.value, n.base_unit)} ÷ ${valueText(levels.metric, b.value, b.base_unit)} − 1 = ${fmt(implied)}%`
        + `（按所写数值的舍入，在 ${fmt(low)}% 至 ${fmt(high)}% 之间），所述增长 ${fmt(stated.value)}%`,
    });
  }
}

/** The statements a year's value may be taken from: each report's where reports disagree, else the one shown. */
function statementsOf(point: MetricPoint): readonly MetricStatement[] {
  return point.conflicting ? point.statements : [point.figure];
}

/** The growth (in %) two values give, at the least and the most their rounding allows. */
function impliedGrowth(now: MetricStatement, before: MetricStatement): { low: number; high: number } {
  const [a, da, b, db] = [now.value, rounding(now), before.value, rounding(before)];
  return { low: ((a - da) / (b + db) - 1) * 100, high: ((a + da) / (b - db) - 1) * 100 };
}

/**
 * Parts that exceed their total: the values of the zones within a place (滨海新区高新区 within 滨海新区) added up,
 * each at the least its rounding allows, against the place's own value at the most (additive levels only, the
 * same year, basis and unit).
 */
function partsChecks(s: MetricSeries, result: ChecksResult): void {
  if (s.metric.measure !== 'level' || s.metric.agg === 'non_additive') return;
  const points = s.points.filter((p) => !p.average && !p.ambiguous && p.basis !== 'target');
  for (const whole of points) {
    const parts = points.filter((p) => p.place !== whole.place && p.place.startsWith(whole.place) && p.data_year === whole.data_year
      && p.basis === whole.basis && p.base_unit === whole.base_unit);
    if (parts.length === 0) continue;
    const least = parts.reduce((sum, p) => sum + p.value - rounding(p.figure), 0);
    if (least <= whole.value + rounding(whole.figure)) continue;
    const sum = parts.reduce((total, p) => total + p.value, 0);
    result.checks.push({
      kind: 'parts', metric: s.metric, place: whole.place, data_year: whole.data_year, statements: [whole.figure, ...parts.map((p) => p.figure)],
      arithmetic: `${parts.map((p) => `${p.place} ${valueText(s.metric, p.value, p.base_unit)}`).join(' + ')} = ${valueText(s.metric, sum, whole.base_unit)}，`
        + `超过${whole.place}的 ${valueText(s.metric, whole.value, whole.base_unit)}`,
    });
  }
}

/** Every check over the series of every metric (those absent from `series` are skipped). */
export function metricChecks(series: ReadonlyMap<string, MetricSeries>): ChecksResult {
  const result: ChecksResult = { checks: [], notApplicable: { constantPrices: 0, averages: 0, comparableScope: 0 } };
  for (const metric of METRICS) {
    const s = series.get(metric.id);
    if (!s) continue;
    if (metric.measure === 'growth') {
      const levels = series.get(metric.id.replace(/_growth$/, ''));
      // GDP growth is stated at constant prices: two years' nominal values do not give it.
      if (metric.id === 'gdp_growth') result.notApplicable.constantPrices += s.points.filter((p) => p.basis === 'actual' && !p.average).length;
      else if (levels) growthChecks(levels, s, result);
    }
    partsChecks(s, result);
    for (const t of s.targets.filter((x) => !x.met)) {
      result.checks.push({
        kind: 'target', metric, place: t.place, data_year: t.data_year, statements: [t.actual, t.target],
        arithmetic: `目标 ${valueText(metric, t.target.value, t.target.base_unit)}${t.upperBound ? '（上限）' : ''}，实际 ${valueText(metric, t.actual.value, t.actual.base_unit)}，`
          + `相差 ${differenceText(metric, t.difference)}`,
      });
    }
    for (const p of s.points.filter((x) => x.conflicting)) {
      const values = [...new Set(p.statements.map((x) => x.value))];
      result.checks.push({
        kind: 'restated', metric, place: p.place, data_year: p.data_year, statements: p.statements,
        arithmetic: `同一地区、年份与口径的 ${p.statements.length} 处表述给出 ${values.map((v) => valueText(metric, v, p.figure.base_unit)).join('、')} 不同数值`,
      });
    }
  }
  return result;
}
