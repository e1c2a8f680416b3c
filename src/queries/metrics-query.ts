/**
 * A canonical metric across places and years: every statement of it (outcomes, goals, estimates, a plan period's
 * totals), one point per place, year and basis, with restatements that disagree kept side by side and flagged,
 * and each goal beside the outcome a later report states for its year. Every point keeps the figures (and so the
 * sentences) it stands for.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { METRICS, metricById, type Metric } from '../extract/metrics';
import { literal, sql, type SqlQuery } from '../sql';
import { FIGURES_TABLE } from './filters';
import { withSignal, type QueryRunner } from './run';

/** One statement of a metric: a figure with the document it is in. */
export interface MetricStatement {
  id: string;
  doc_id: string;
  doc_title: string;
  published: string;
  place: string;
  data_year: number;
  basis: string;
  /** In the metric's own reading (a fall stated as a positive reduction). */
  value: number;
  /** Exact, as the engine holds it: what tells two statements apart. */
  exact: string;
  /** The number as written, exact (its decimals say how much it was rounded). */
  written: string;
  qualifier: string;
  base_unit: string;
  quote: string;
}

/** An average over years (年均增长7.2%): a different measure from the year's own value, never mixed with it. */
export const isAverage = (s: Pick<MetricStatement, 'quote'>): boolean => /年均|平均/.test(s.quote);

/** One place, year and basis of a metric: the value the latest report states, and every statement of it. */
export interface MetricPoint {
  place: string;
  data_year: number;
  basis: string;
  /** The latest report's value (a later report revises an earlier one). */
  value: number;
  /** The statement the value is taken from (its sentence is one click away). */
  figure: MetricStatement;
  statements: MetricStatement[];
  /** Reports disagree on it: values no rounding or bound reconciles (a revision, a restatement, another scope). */
  conflicting: boolean;
  /** The report its value is taken from states it with more than one value (two scopes in one report). */
  ambiguous: boolean;
  /** An average over the years up to `data_year` (年均), kept apart from the year's own value. */
  average: boolean;
}

/** A goal beside the outcome stated for its year: met or missed, and by how much. */
export interface TargetOutcome {
  place: string;
  data_year: number;
  target: MetricStatement;
  actual: MetricStatement;
  /** actual − target, in the metric's unit (percentage points for rates). */
  difference: number;
  /** An upper bound (以内, 以下: a rate to keep under) is met at or below it; any other goal at or above it. */
  met: boolean;
  upperBound: boolean;
}

export interface MetricSeries {
  metric: Metric;
  points: MetricPoint[];
  places: string[];
  years: number[];
  targets: TargetOutcome[];
}

/** How many statements each metric has (the picker's counts), for the metrics the registry declares. */
export function buildMetricCountsQuery(): SqlQuery {
  return sql`SELECT metric::VARCHAR AS metric, count(*) AS n FROM ${FIGURES_TABLE}
    WHERE metric IS NOT NULL AND metric::VARCHAR <> '' AND data_year IS NOT NULL GROUP BY ALL ORDER BY metric`;
}

export async function fetchMetricCounts(runner: QueryRunner): Promise<{ metric: Metric; count: number }[]> {
  const rows = await runner(buildMetricCountsQuery());
  const counts = new Map(rows.map((r) => [String(r.metric), Number(r.n)]));
  return METRICS.filter((m) => counts.has(m.id)).map((metric) => ({ metric, count: counts.get(metric.id) ?? 0 }));
}

/** Every dated statement of one metric, with its report's title and date. */
export function buildMetricStatementsQuery(metric: string | null): SqlQuery {
  return sql`SELECT f.id, f.doc_id::VARCHAR AS doc_id, coalesce(d.title, f.doc_id::VARCHAR) AS doc_title,
      coalesce(d.published::VARCHAR, '') AS published, coalesce(f.place::VARCHAR, '') AS place, f.data_year,
      f.basis::VARCHAR AS basis, f.value_base::VARCHAR AS exact, f.value::VARCHAR AS written, coalesce(f.qualifier::VARCHAR, '') AS qualifier,
      f.quote, f.metric::VARCHAR AS metric, f.base_unit::VARCHAR AS base_unit
    FROM ${FIGURES_TABLE} AS f LEFT JOIN documents AS d ON d.doc_id = f.doc_id::VARCHAR
    WHERE ${metric === null ? sql`f.metric IS NOT NULL AND f.metric::VARCHAR <> ''` : sql`f.metric::VARCHAR = ${literal(metric)}`} AND f.data_year IS NOT NULL
    ORDER BY place, f.data_year, basis, published, f.doc_id, f.start`;
}

/** The exact decimal as the metric reads it: a fall stated as a negative growth is a positive reduction. */
function metricReading(exact: string, metric: Metric): string {
  if (!metric.stated_as_fall) return exact;
  return exact.startsWith('-') ? exact.slice(1) : `-${exact}`;
}

/** Half the last digit of a value as written, in the metric's unit (7% → 0.5, 6.5% → 0.05). */
export function halfLastDigit(s: Pick<MetricStatement, 'written' | 'value'>): number {
  const decimals = (/\.([0-9]*?)0*$/.exec(s.written)?.[1] ?? '').length;
  const scale = Number(s.written) === 0 ? 1 : Math.abs(s.value / Number(s.written));
  return 0.5 * 10 ** -decimals * scale;
}

/** The values a statement allows: its rounding, and the side a bound (以上, 以下, 超 …) leaves open. */
function interval(s: MetricStatement): [number, number] {
  const d = halfLastDigit(s);
  if (['以上', '超', '多', '余'].includes(s.qualifier)) return [s.value - d, Infinity];
  if (['以下', '不足', '近'].includes(s.qualifier)) return [-Infinity, s.value + d];
  if (s.qualifier === '约') return [s.value - Math.max(d, Math.abs(s.value) * 0.02), s.value + Math.max(d, Math.abs(s.value) * 0.02)];
  return [s.value - d, s.value + d];
}

/** Statements of one sentence with two values (4.5%-5%) state a range: one interval from the first to the last. */
function isRange(statements: readonly MetricStatement[]): boolean {
  return statements.length === 2 && statements[0]?.quote === statements[1]?.quote;
}

/** Whether two reports state values no one value satisfies (ranges of one sentence read as one interval). */
function reportsDisagree(statements: readonly MetricStatement[]): boolean {
  const byReport = new Map<string, MetricStatement[]>();
  for (const s of statements) byReport.set(s.doc_id, [...(byReport.get(s.doc_id) ?? []), s]);
  if (byReport.size < 2) return false;
  const spans = [...byReport.values()].map((own) => {
    // One report's own statements: as a range when they are one sentence's two ends, else each on its own.
    const parts = isRange(own) ? [[interval(own[0] as MetricStatement)[0], interval(own[1] as MetricStatement)[1]] as [number, number]] : own.map(interval);
    return [Math.min(...parts.map((p) => p[0])), Math.max(...parts.map((p) => p[1]))] as const;
  });
  return Math.max(...spans.map((s) => s[0])) > Math.min(...spans.map((s) => s[1]));
}

/** Statements of one metric into points, conflicts and goals against outcomes (pure: tested on its own). */
export function assembleSeries(metric: Metric, statements: readonly MetricStatement[]): MetricSeries {
  const groups = new Map<string, MetricStatement[]>();
  for (const s of statements) {
    const key = `${s.place}\u0000${s.data_year}\u0000${s.basis}\u0000${isAverage(s)}\u0000${s.base_unit}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const points: MetricPoint[] = [...groups.values()].map((group) => {
    // The latest report's statement; within one report, its first.
    const latest = group.reduce((best, s) => (s.published > best.published ? s : best));
    const own = group.filter((s) => s.doc_id === latest.doc_id);
    const average = isAverage(latest);
    return {
      place: latest.place, data_year: latest.data_year, basis: latest.basis, value: latest.value, figure: latest, statements: group, average,
      // Averages over different spans (五年年均, 十年年均) are not one value stated twice.
      conflicting: !average && reportsDisagree(group),
      ambiguous: new Set(own.map((s) => Number(s.exact))).size > 1 && !isRange(own),
    };
  });
  const actual = new Map(points.filter((p) => p.basis === 'actual' && !p.average).map((p) => [`${p.place}\u0000${p.data_year}`, p]));
  const targets: TargetOutcome[] = [];
  for (const goal of points.filter((p) => p.basis === 'target' && !p.average)) {
    const outcome = actual.get(`${goal.place}\u0000${goal.data_year}`);
    if (!outcome) continue;
    // The goal as the report set it for that year (the earliest statement: a later one may restate it).
    const target = goal.statements.reduce((first, s) => (s.published < first.published ? s : first));
    const upperBound = metric.goal_is_ceiling === true || target.qualifier === '以下' || target.qualifier === '不足';
    const difference = outcome.value - target.value;
    // A goal of about so much (7%左右) is met within the rounding of what was written (6.5% meets it).
    const slack = target.qualifier === '约' ? halfLastDigit(target) : 0;
    targets.push({
      place: goal.place, data_year: goal.data_year, target, actual: outcome.figure, difference: Math.round(difference * 1e6) / 1e6,
      met: upperBound ? difference <= slack : difference >= -slack, upperBound,
    });
  }
  return {
    metric,
    points,
    places: [...new Set(points.map((p) => p.place))].sort((a, b) => a.localeCompare(b, 'zh')),
    years: [...new Set(points.map((p) => p.data_year))].sort((a, b) => a - b),
    targets,
  };
}

/** Engine rows into statements, each in its metric's reading. */
function toStatements(rows: readonly Record<string, unknown>[]): (MetricStatement & { metric: string })[] {
  return rows.flatMap((r) => {
    const metric = metricById(String(r.metric));
    if (!metric) return [];
    const exact = metricReading(String(r.exact), metric);
    const written = String(r.written).replace(/(\.[0-9]*?)0+$/, '$1').replace(/\.$/, '');
    return [{
      id: String(r.id), doc_id: String(r.doc_id), doc_title: String(r.doc_title), published: String(r.published), place: String(r.place),
      data_year: Number(r.data_year), basis: String(r.basis), value: Number(exact), exact, written: metric.stated_as_fall ? written.replace(/^-/, '') : written,
      qualifier: String(r.qualifier), base_unit: String(r.base_unit), quote: String(r.quote), metric: metric.id,
    }];
  });
}

export async function fetchMetricSeries(runner: QueryRunner, metricId: string): Promise<MetricSeries> {
  const metric = metricById(metricId);
  if (!metric) throw new Error(`未知的指标：${metricId}`);
  return assembleSeries(metric, toStatements(await runner(buildMetricStatementsQuery(metricId))));
}

/** Every metric's series, by metric id (the checks read them all). */
export async function fetchAllSeries(runner: QueryRunner): Promise<Map<string, MetricSeries>> {
  const statements = toStatements(await runner(buildMetricStatementsQuery(null)));
  const series = new Map<string, MetricSeries>();
  for (const metric of METRICS) {
    const own = statements.filter((s) => s.metric === metric.id);
    if (own.length > 0) series.set(metric.id, assembleSeries(metric, own));
  }
  return series;
}

export function metricCountsOptions(runner: QueryRunner) {
  return queryOptions({ queryKey: ['metric-counts'], queryFn: ({ signal }) => fetchMetricCounts(withSignal(runner, signal)) });
}

export function metricSeriesOptions(runner: QueryRunner, metric: string) {
  return queryOptions({
    queryKey: ['metric-series', metric],
    queryFn: ({ signal }) => fetchMetricSeries(withSignal(runner, signal), metric),
    placeholderData: keepPreviousData,
  });
}

export function allSeriesOptions(runner: QueryRunner) {
  return queryOptions({ queryKey: ['metric-series-all'], queryFn: ({ signal }) => fetchAllSeries(withSignal(runner, signal)) });
}
