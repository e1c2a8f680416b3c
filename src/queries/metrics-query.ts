/**
 * A canonical metric across places and years: every statement of it (outcomes, goals, estimates, a plan period's
 * totals) made into one point per place, year, basis and unit, with reports that disagree flagged, and each goal
 * beside the outcome stated for its year. The engine does the grouping (a workspace of 1,000 reports states GDP
 * some 7,000 times): one row per point comes back, with the statement it shows; the statements of a point
 * reports disagree on are read only for those points. Every point keeps its figure (and so its sentence).
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { METRICS, metricById, type Metric } from '../extract/metrics';
import { METRIC_POINTS_TABLE, METRICS_TABLE } from '../db/tables';
import { inList, join, literal, raw, sql, type SqlFragment, type SqlQuery } from '../sql';
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
  /** Exact, as the engine holds it. */
  exact: string;
  /** The number as written, exact (its decimals say how much it was rounded). */
  written: string;
  qualifier: string;
  base_unit: string;
  quote: string;
}

/** One place, year, basis and unit of a metric, and the statement it shows. */
export interface MetricPoint {
  place: string;
  data_year: number;
  basis: string;
  base_unit: string;
  /** An average over the years up to `data_year` (年均), kept apart from the year's own value. */
  average: boolean;
  /** The value shown: the latest report's (a goal: as first set). */
  value: number;
  /** The statement the value is taken from (its sentence is one click away). */
  figure: MetricStatement;
  /** How many statements (mentions, in how many reports) the point stands for. */
  count: number;
  reports: number;
  /** Reports disagree on it: values no rounding or bound reconciles (a revision, a restatement, another scope). */
  conflicting: boolean;
  /** The report its value is taken from states it with more than one value (two scopes in one report). */
  ambiguous: boolean;
  /** Every statement of a point reports disagree on; the shown one alone otherwise. */
  statements: MetricStatement[];
}

/** A goal beside the outcome stated for its year: met or missed, and by how much. */
export interface TargetOutcome {
  place: string;
  data_year: number;
  target: MetricStatement;
  actual: MetricStatement;
  /** actual − target, in the metric's unit (percentage points for rates). */
  difference: number;
  /** An upper bound (以内, 以下, or a metric whose goals are ceilings) is met at or below it; any other at or above. */
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

/** The metric statements kept beside `figures` at load (see METRICS_TABLE in db/tables.ts). */
const METRIC_STATEMENTS = raw(METRICS_TABLE);

/** How many statements each metric has (the picker's counts), for the metrics the registry declares. */
export function buildMetricCountsQuery(): SqlQuery {
  return sql`SELECT metric, count(*) AS n FROM ${METRIC_STATEMENTS} GROUP BY ALL ORDER BY metric`;
}

export async function fetchMetricCounts(runner: QueryRunner): Promise<{ metric: Metric; count: number }[]> {
  const rows = await runner(buildMetricCountsQuery());
  const counts = new Map(rows.map((r) => [String(r.metric), Number(r.n)]));
  return METRICS.filter((m) => counts.has(m.id)).map((metric) => ({ metric, count: counts.get(metric.id) ?? 0 }));
}

const metricCondition = (metric: string | null): SqlFragment => (metric === null ? sql`TRUE` : sql`f.metric = ${metric}`);

/** Each statement of the metric table with its report (title and date). */
function statements(where: SqlFragment): SqlFragment {
  return sql`SELECT f.*, coalesce(d.title, f.doc_id) AS doc_title, coalesce(d.published::VARCHAR, '') AS published
    FROM ${METRIC_STATEMENTS} AS f LEFT JOIN documents AS d ON d.doc_id = f.doc_id WHERE ${where}`;
}

/** Places drawn at most unless the analyst picks more (a line per place stops being readable beyond). */
export const DEFAULT_PLACES = 8;

/** Which points a series reads: one metric's (or every metric's), of some places. */
interface PointScope {
  metric: string | null;
  /** The places listed; the metric's most stated ones (see {@link shownPlaces}); or every place (null). */
  places: readonly string[] | 'most-stated' | null;
}

/** The points in scope, as the load keeps them (see METRIC_POINTS_TABLE in db/tables.ts). */
export function buildMetricPointsQuery({ metric, places }: PointScope): SqlQuery {
  let inPlaces = sql`TRUE`;
  if (places === 'most-stated') {
    // The choice shownPlaces makes, in the engine: the points need not wait for the list of places.
    const ofMetric = metric === null ? sql`TRUE` : sql`g.metric = ${metric}`;
    inPlaces = sql`f.place IN (SELECT place FROM ${raw(METRIC_POINTS_TABLE)} AS g WHERE ${ofMetric}
      GROUP BY place ORDER BY count(*) DESC, place LIMIT ${raw(String(DEFAULT_PLACES))})`;
  } else if (places !== null) {
    inPlaces = inList(sql`f.place`, places);
  }
  return sql`SELECT * FROM ${raw(METRIC_POINTS_TABLE)} AS f WHERE ${metricCondition(metric)} AND ${inPlaces} ORDER BY metric, place, data_year, basis`;
}

/** A place a metric is stated for, and how many points it has there. */
export interface MetricPlace {
  place: string;
  points: number;
}

export function buildMetricPlacesQuery(metric: string): SqlQuery {
  return sql`SELECT place, count(*)::INTEGER AS points FROM ${raw(METRIC_POINTS_TABLE)} WHERE metric = ${metric} GROUP BY place`;
}

/** Every place a metric is stated for, in the order a Chinese reader looks them up (the place picker's list). */
export async function fetchMetricPlaces(runner: QueryRunner, metricId: string): Promise<MetricPlace[]> {
  const rows = await runner(buildMetricPlacesQuery(metricId));
  return rows.map((r) => ({ place: String(r.place), points: Number(r.points) })).sort((a, b) => a.place.localeCompare(b.place, 'zh'));
}

/** The statements of the points reports disagree on (by metric, place, year, basis and unit). */
export function buildConflictStatementsQuery(points: readonly { metric: string; point: MetricPoint }[]): SqlQuery {
  const keys = join(points.map(({ metric, point: p }) =>
    sql`(${literal(metric)}, ${literal(p.place)}, ${literal(p.data_year)}, ${literal(p.basis)}, ${literal(p.base_unit)})`));
  return sql`SELECT s.* FROM (${statements(inList(sql`f.metric`, [...new Set(points.map((p) => p.metric))]))}) AS s
      JOIN (VALUES ${keys}) AS k(metric, place, data_year, basis, base_unit) USING (metric, place, data_year, basis, base_unit)
    WHERE NOT s.average ORDER BY s.metric, s.place, s.data_year, s.basis, s.published, s.doc_id, s.start`;
}

/** Text order by code points (as the engine orders text, whatever the characters), not by UTF-16 units. */
function byCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The places drawn: the picked ones the metric has, else the (up to) eight with the most points (ties by the
 * engine's text order, so that the query picking them, `most-stated`, picks the same).
 */
export function shownPlaces(places: readonly MetricPlace[], picked: readonly string[]): string[] {
  const known = new Set(places.map((p) => p.place));
  const kept = picked.filter((p) => known.has(p));
  if (kept.length > 0) return kept;
  return [...places].sort((a, b) => b.points - a.points || byCodePoints(a.place, b.place)).slice(0, DEFAULT_PLACES).map((p) => p.place);
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

/** An engine row as a statement in its metric's reading. */
function toStatement(r: Record<string, unknown>, metric: Metric): MetricStatement {
  const exact = metricReading(String(r.exact), metric);
  const written = String(r.written).replace(/(\.[0-9]*?)0+$/, '$1').replace(/\.$/, '');
  return {
    id: String(r.id), doc_id: String(r.doc_id), doc_title: String(r.doc_title), published: String(r.published), place: String(r.place),
    data_year: Number(r.data_year), basis: String(r.basis), value: Number(exact), exact,
    written: metric.stated_as_fall ? written.replace(/^-/, '') : written, qualifier: String(r.qualifier), base_unit: String(r.base_unit),
    quote: String(r.quote),
  };
}

/** Goals beside the outcomes stated for their years (a year's own values: no averages). */
function targetsOf(metric: Metric, points: readonly MetricPoint[]): TargetOutcome[] {
  const actual = new Map(points.filter((p) => p.basis === 'actual' && !p.average).map((p) => [`${p.place}\u0000${p.data_year}\u0000${p.base_unit}`, p]));
  const targets: TargetOutcome[] = [];
  for (const goal of points.filter((p) => p.basis === 'target' && !p.average)) {
    const outcome = actual.get(`${goal.place}\u0000${goal.data_year}\u0000${goal.base_unit}`);
    if (!outcome) continue;
    const target = goal.figure;
    const upperBound = metric.goal_is_ceiling === true || target.qualifier === '以下' || target.qualifier === '不足';
    const difference = outcome.value - target.value;
    // A goal of about so much (7%左右) is met within the rounding of what was written (6.5% meets it).
    const slack = target.qualifier === '约' ? halfLastDigit(target) : 0;
    targets.push({
      place: goal.place, data_year: goal.data_year, target, actual: outcome.figure, difference: Math.round(difference * 1e6) / 1e6,
      met: upperBound ? difference <= slack : difference >= -slack, upperBound,
    });
  }
  return targets;
}

/** A metric's points as a series: its places, years and goals against outcomes. */
export function seriesOf(metric: Metric, points: MetricPoint[]): MetricSeries {
  return {
    metric,
    points,
    places: [...new Set(points.map((p) => p.place))].sort((a, b) => a.localeCompare(b, 'zh')),
    years: [...new Set(points.map((p) => p.data_year))].sort((a, b) => a - b),
    targets: targetsOf(metric, points),
  };
}

/**
 * The points in scope, with every statement of those reports disagree on, by metric id: those statements are read
 * (a second, small query) only when there are such points, which most picks have none of.
 */
async function fetchSeries(runner: QueryRunner, scope: PointScope): Promise<Map<string, MetricSeries>> {
  const rows = await runner(buildMetricPointsQuery(scope));
  const points = new Map<string, MetricPoint[]>();
  for (const r of rows) {
    const metric = metricById(String(r.metric));
    if (!metric) continue;
    const figure = toStatement(r, metric);
    const point: MetricPoint = {
      place: figure.place, data_year: figure.data_year, basis: figure.basis, base_unit: figure.base_unit, average: Boolean(r.average),
      value: figure.value, figure, count: Number(r.statements), reports: Number(r.reports), conflicting: Boolean(r.conflicting),
      ambiguous: Boolean(r.ambiguous), statements: [figure],
    };
    const list = points.get(metric.id);
    if (list) list.push(point);
    else points.set(metric.id, [point]);
  }
  const conflicts = [...points].flatMap(([metric, list]) => list.filter((p) => p.conflicting).map((point) => ({ metric, point })));
  if (conflicts.length > 0) {
    const key = (metric: unknown, place: unknown, year: unknown, basis: unknown, unit: unknown) =>
      `${String(metric)}\u0000${String(place)}\u0000${Number(year)}\u0000${String(basis)}\u0000${String(unit)}`;
    const byPoint = new Map<string, Record<string, unknown>[]>();
    for (const r of await runner(buildConflictStatementsQuery(conflicts))) {
      const k = key(r.metric, r.place, r.data_year, r.basis, r.base_unit);
      byPoint.set(k, [...(byPoint.get(k) ?? []), r]);
    }
    for (const { metric, point } of conflicts) {
      const m = metricById(metric) as Metric;
      point.statements = (byPoint.get(key(metric, point.place, point.data_year, point.basis, point.base_unit)) ?? []).map((r) => toStatement(r, m));
    }
  }
  return new Map([...points].map(([id, list]) => [id, seriesOf(metricById(id) as Metric, list)]));
}

/** The mark a metric's series measures itself under (the benchmark reads it: a trend's query, rows to series). */
export const METRIC_SERIES_MEASURE = 'figures-board:metric-series';

/** A metric's series for the given places (all of them when null). */
export async function fetchMetricSeries(runner: QueryRunner, metricId: string, places: PointScope['places'] = null): Promise<MetricSeries> {
  const metric = metricById(metricId);
  if (!metric) throw new Error(`未知的指标：${metricId}`);
  return (await fetchSeries(runner, { metric: metricId, places })).get(metricId) ?? seriesOf(metric, []);
}

/**
 * A metric's trend as the 指标 view draws it: the picked places' series, or the most stated places' (picked by
 * the engine, so one query is all a pick waits for; the list of every place is another, off the chart's path).
 */
export async function fetchMetricTrend(runner: QueryRunner, metricId: string, picked: readonly string[]): Promise<MetricSeries> {
  const started = performance.now();
  let series = await fetchMetricSeries(runner, metricId, picked.length > 0 ? picked : 'most-stated');
  // Picked places this metric has none of (a link made for another metric): its default places instead.
  if (picked.length > 0 && series.points.length === 0) series = await fetchMetricSeries(runner, metricId, 'most-stated');
  performance.measure(METRIC_SERIES_MEASURE, { start: started, detail: metricId });
  // All of a drawn place's points are here: their counts order the default places as the engine picked them.
  const counts = new Map<string, number>();
  for (const p of series.points) counts.set(p.place, (counts.get(p.place) ?? 0) + 1);
  const drawn = shownPlaces([...counts].map(([place, points]) => ({ place, points })), picked);
  // Places keep the order they were picked in (the legend's); the default ones, the most stated first.
  return { ...series, places: drawn };
}

/** Every metric's series, by metric id (the checks read them all). */
export function fetchAllSeries(runner: QueryRunner): Promise<Map<string, MetricSeries>> {
  return fetchSeries(runner, { metric: null, places: null });
}

export function metricCountsOptions(runner: QueryRunner) {
  return queryOptions({ queryKey: ['metric-counts'], queryFn: ({ signal }) => fetchMetricCounts(withSignal(runner, signal)) });
}

export function metricTrendOptions(runner: QueryRunner, metric: string, picked: readonly string[]) {
  return queryOptions({
    queryKey: ['metric-trend', metric, ...picked],
    queryFn: ({ signal }) => fetchMetricTrend(withSignal(runner, signal), metric, picked),
    placeholderData: keepPreviousData,
  });
}

export function metricPlacesOptions(runner: QueryRunner, metric: string) {
  return queryOptions({ queryKey: ['metric-places', metric], queryFn: ({ signal }) => fetchMetricPlaces(withSignal(runner, signal), metric) });
}

export function allSeriesOptions(runner: QueryRunner) {
  return queryOptions({ queryKey: ['metric-series-all'], queryFn: ({ signal }) => fetchAllSeries(withSignal(runner, signal)) });
}
