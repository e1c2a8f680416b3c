/**
 * The chart of one metric over data years: one line per place and basis, outcomes solid with filled points,
 * goals dashed with hollow points, estimates dotted; a point reports disagree on is drawn as a warning
 * triangle (the latest report's value), with the other reports' values as hollow diamonds in the same year. One metric per chart, so a growth rate and a level never share an axis. Period totals and averages
 * over years are not points of a year: the table lists them.
 */
import type { ChartOption } from '../../charts/echarts';
import type { ExportTable } from '../../export/table';
import { t } from '../../i18n/zh';
import { chooseScale, formatScaled, scaled, unitLabel } from '../../lib/format';
import type { MetricPoint, MetricSeries, MetricStatement } from '../../queries/metrics-query';
import { baseOption, tooltipHtml } from '../options-common';

/** Chart ids of metric charts: the prefix and the metric id (the deck rebuilds the chart from them). */
export const METRIC_CHART_PREFIX = 'metric-';
export const METRIC_CHART_HEIGHT = 360;

/** A metric chart's id: the metric, and the places picked when they are not the default ones (the deck redraws them). */
export function metricChartId(metric: string, picked: readonly string[]): string {
  return picked.length > 0 ? `${METRIC_CHART_PREFIX}${metric}:${picked.join('|')}` : `${METRIC_CHART_PREFIX}${metric}`;
}

/** The metric and picked places a chart id names. */
export function parseMetricChartId(rest: string): { metric: string; picked: string[] } {
  const cut = rest.indexOf(':');
  return cut < 0 ? { metric: rest, picked: [] } : { metric: rest.slice(0, cut), picked: rest.slice(cut + 1).split('|').filter(Boolean) };
}

/** The bases drawn as lines, in legend order. */
const DRAWN = ['actual', 'estimate', 'target'] as const;
const LINE_TYPE = { actual: 'solid', estimate: 'dotted', target: 'dashed' } as const;

/** What a chart point carries: the figure to open, and the point's statements for the tooltip. */
export interface MetricDatum {
  value: [number, number];
  figureId: string;
  point: MetricPoint;
  /** Drawn beside a point reports disagree on: another report's statement of it (the point shows the latest). */
  other?: MetricStatement;
  symbol?: string;
  itemStyle?: { color: string };
}

/** The base unit the chart draws: the metric's own when stated in it, else the most stated one. */
export function chartUnit(series: MetricSeries): string {
  const units = series.points.map((p) => p.base_unit);
  if (units.includes(series.metric.base_unit)) return series.metric.base_unit;
  return units[0] ?? series.metric.base_unit;
}

/** The points a line over years shows: a year's own values in the chart's unit. */
export function drawnPoints(series: MetricSeries): MetricPoint[] {
  const unit = chartUnit(series);
  return series.points.filter((p) => !p.average && p.basis !== 'plan_period_total' && p.base_unit === unit);
}

export function metricChartTitle(series: MetricSeries): string {
  const unit = chartUnit(series);
  const scale = chooseScale(drawnPoints(series).map((p) => p.value), unit);
  return t.metrics.chartTitle(series.metric.name_zh, unitLabel(unit, scale), series.places);
}

/**
 * The values other reports state for a point they disagree on, one statement per report and value (the point
 * itself shows the latest report's).
 */
export function otherValues(point: MetricPoint): MetricStatement[] {
  if (!point.conflicting) return [];
  const seen = new Set<string>();
  return point.statements.filter((s) => {
    const key = `${s.doc_id}\u0000${s.exact}`;
    if (s.id === point.figure.id || s.exact === point.figure.exact || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The ECharts option of one metric's series. */
export function buildMetricOption(series: MetricSeries): ChartOption {
  const unit = chartUnit(series);
  const points = drawnPoints(series);
  const scale = chooseScale(points.map((p) => p.value), unit);
  const years = points.map((p) => p.data_year);
  const title = metricChartTitle(series);
  const lines = series.places.flatMap((place) => DRAWN.flatMap((basis) => {
    const own = points.filter((p) => p.place === place && p.basis === basis);
    if (own.length === 0) return [];
    const data: MetricDatum[] = own.map((p) => ({
      value: [p.data_year, scaled(p.value, scale)], figureId: p.figure.id, point: p,
      ...(p.conflicting ? { symbol: 'triangle', itemStyle: { color: '#c0392b' } } : {}),
    }));
    return [{
      type: 'line' as const,
      name: series.places.length > 1 ? `${place} · ${t.metrics.basis[basis]}` : t.metrics.basis[basis],
      data,
      connectNulls: false,
      symbol: basis === 'actual' ? 'circle' : 'emptyCircle',
      symbolSize: 9,
      lineStyle: { type: LINE_TYPE[basis], width: 2 },
      // Where an outcome and its goal are close, one label gives way (the tooltip has both).
      labelLayout: { hideOverlap: true },
      label: { show: points.length <= 24, position: basis === 'target' ? ('right' as const) : ('top' as const), formatter: (p: { data: MetricDatum }) => formatScaled(p.data.point.value, unit, scale) },
    }];
  }));
  // Both values of a fact reports disagree on are on the chart, each with its own sentence: the line goes
  // through the latest report's, and every other value stated for that year is a mark beside it.
  const others: MetricDatum[] = points.flatMap((p) => otherValues(p).map((s) => ({
    value: [p.data_year, scaled(s.value, scale)] as [number, number], figureId: s.id, point: p, other: s,
  })));
  if (others.length > 0) {
    lines.push({
      type: 'scatter' as const, name: t.metrics.otherStatements, data: others, symbol: 'emptyDiamond', symbolSize: 11,
      itemStyle: { color: '#c0392b' }, label: { show: false },
    } as unknown as (typeof lines)[number]);
  }
  return {
    ...baseOption(title),
    // Room above for the legend and the export button, and right of the last year for its label.
    grid: { left: 64, right: 56, top: 64, bottom: 48 },
    legend: { top: 0, type: 'scroll' as const },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: { data: MetricDatum }) => {
        const { point, other } = p.data;
        if (other) {
          return tooltipHtml([
            `${point.place} ${point.data_year}年 · ${t.metrics.basis[point.basis as keyof typeof t.metrics.basis] ?? point.basis}：${formatScaled(other.value, unit, scale)}`,
            `${other.doc_title}：“${other.quote}”`,
            t.metrics.otherStatementOf(point.figure.doc_title, formatScaled(point.value, unit, scale)),
          ], true);
        }
        const lines = [
          `${point.place} ${point.data_year}年 · ${t.metrics.basis[point.basis as keyof typeof t.metrics.basis] ?? point.basis}：${formatScaled(point.value, unit, scale)}`,
          ...point.statements.map((s) => `${s.doc_title}：“${s.quote}”`),
        ];
        if (point.count > point.statements.length) lines.push(t.metrics.moreStatements(point.count, point.reports));
        if (point.conflicting) lines.push(t.metrics.conflict);
        return tooltipHtml(lines, true);
      },
    },
    // Years on a value axis: a gap of years is drawn as one (2017 → 2020 is three years, not one step).
    xAxis: {
      type: 'value' as const, min: Math.min(...years), max: Math.max(...years), name: t.metrics.yearAxis,
      // Every year labelled while they fit; a long span every few years.
      interval: Math.max(1, Math.ceil((Math.max(...years) - Math.min(...years)) / 12)),
      nameLocation: 'middle' as const, nameGap: 28, axisLabel: { formatter: (v: number) => String(v) }, splitLine: { show: false },
    },
    yAxis: { type: 'value' as const, name: unitLabel(unit, scale), scale: series.metric.measure !== 'level' },
    series: lines,
  } as ChartOption;
}

/** The data behind the chart and its table, as CSV/XLSX receive it: one row per statement. */
export function metricExportTable(series: MetricSeries): ExportTable {
  const c = t.metrics.columns;
  return {
    columns: [
      { key: 'metric', label: c.metric, type: 'text' }, { key: 'place', label: c.place, type: 'text' },
      { key: 'data_year', label: c.data_year, type: 'number' }, { key: 'basis', label: c.basis, type: 'text' },
      { key: 'value', label: c.value, type: 'number' }, { key: 'base_unit', label: c.base_unit, type: 'text' },
      { key: 'conflicting', label: c.conflicting, type: 'text' }, { key: 'report', label: c.report, type: 'text' },
      { key: 'quote', label: c.quote, type: 'text' }, { key: 'id', label: c.id, type: 'text' },
    ],
    rows: series.points.flatMap((p) => p.statements.map((s) => ({
      metric: series.metric.name_zh, place: p.place, data_year: p.data_year,
      basis: `${t.metrics.basis[p.basis as keyof typeof t.metrics.basis] ?? p.basis}${p.average ? t.metrics.averageSuffix : ''}`,
      value: s.value, base_unit: s.base_unit, conflicting: p.conflicting ? t.metrics.conflictShort : '', report: s.doc_title, quote: s.quote, id: s.id,
    }))),
  };
}
