import type { ChartOption } from '../../charts/echarts';
import type { FigureRecord } from '../../data/figure-record';
import type { ChartExportSpec } from '../../export/ChartExportMenu';
import type { Slide } from '../../export/deck-codec';
import { t } from '../../i18n/zh';
import { DIMENSIONS, fetchDocuments, fetchFigures, fetchGroups, reportFiguresParams, type QueryRunner } from '../../queries';
import { parseState, type AppState } from '../../app/url-state';
import { buildOverview, overviewReport } from '../overview/build-overview';
import { buildFigureBarsOption, figureBarsUnit } from '../shared/figure-bars-option';
import { documentTitles, valueLabel, type DocumentTitles } from '../shared/value-label';
import { compareBarsCharts, compareGroupsCharts, comparePairsCharts, compareTreemap, groupsSeries } from '../compare/compare-charts';
import { findPairs } from '../compare/pairs';
import { PIVOT_CHART_PREFIX } from '../pivot/pivot-chart-export';
import { renderPivotSlide } from '../pivot/pivot-slide';
import { metricById } from '../../extract/metrics';
import { fetchMetricTrend } from '../../queries/metrics-query';
import {
  buildMetricOption, drawnPoints, METRIC_CHART_HEIGHT, METRIC_CHART_PREFIX, metricChartTitle, metricExportTable, parseMetricChartId,
} from '../metrics/metric-chart';

/** What a slide draws: the same option its view builds from the same state, and its export metadata. */
export interface RenderedSlide {
  option: ChartOption;
  spec: ChartExportSpec;
  /** Pixel height the view draws it at (the deck scales it up to the slide). */
  height: number;
}

/** What renderers read data through: the app's engine, or a test database. */
export interface SlideSources {
  runner: QueryRunner;
  /** The text of a document, by doc_id. */
  sourceText: (docId: string) => Promise<string>;
}

/** Rebuilds one chart from the app state its slide holds; `rest` is the chart id after the prefix. */
export type SlideRenderer = (state: AppState, rest: string, sources: SlideSources) => Promise<RenderedSlide>;

/** A pinned chart whose data no longer exists under the slide's filters. */
export class SlideGoneError extends Error {
  constructor(chartId: string) {
    super(`${t.deck.chartGone}（${chartId}）`);
    this.name = 'SlideGoneError';
  }
}

// The compare slides build their charts with compare-charts, as CompareView does; only the data is fetched here.

const compareFigures = async (state: AppState, sources: SlideSources): Promise<FigureRecord[]> => {
  const rows = await fetchFigures(sources.runner, { filters: state.filters, sort: { column: 'value_base', desc: true } });
  return state.compare.picks.length > 0 ? rows.filter((r) => state.compare.picks.includes(r.id)) : rows;
};

const renderers = new Map<string, SlideRenderer>([
  ['overview-', async (state, rest, sources) => {
    const cut = rest.lastIndexOf('-');
    const [themeKey, baseUnit] = [rest.slice(0, cut), rest.slice(cut + 1)];
    // The overview of the report it was pinned from (the only one, or the one its link names).
    const report = overviewReport(await fetchDocuments(sources.runner), state.filters.doc_id.length === 1 ? (state.filters.doc_id[0] ?? null) : null);
    if (!report) throw new SlideGoneError(`overview-${rest}`);
    const figures = await fetchFigures(sources.runner, reportFiguresParams(report.doc_id));
    const panel = buildOverview(figures).find((p) => p.theme.key === themeKey);
    const chart = panel?.charts.find((c) => c.baseUnit === baseUnit);
    if (!panel || !chart) throw new SlideGoneError(`overview-${rest}`);
    const unit = figureBarsUnit(chart.figures, baseUnit);
    const title = t.overview.chartTitle(t.overview.themes[themeKey] ?? themeKey, unit);
    return {
      option: buildFigureBarsOption(chart.figures, { title, baseUnit, compact: true }),
      spec: { title, unit, figures: chart.figures },
      height: 60 + chart.figures.length * 28,
    };
  }],
  ['compare-bars-', async (state, baseUnit, sources) => {
    const chart = compareBarsCharts(await compareFigures(state, sources)).find((c) => c.baseUnit === baseUnit);
    if (!chart) throw new SlideGoneError(`compare-bars-${baseUnit}`);
    return { option: chart.option, spec: { title: chart.title, unit: chart.unit, figures: chart.figures }, height: chart.height };
  }],
  ['compare-groups-', async (state, baseUnit, sources) => {
    const by = state.compare.by;
    const rows = await fetchGroups(sources.runner, { filters: state.filters, by, series: groupsSeries(by), baseUnits: [] });
    if (!rows.some((r) => r.base_unit === baseUnit)) throw new SlideGoneError(`compare-groups-${baseUnit}`);
    const figures = await fetchFigures(sources.runner, { filters: state.filters, sort: { column: 'value_base', desc: true } });
    const titles = documentTitles(await fetchDocuments(sources.runner));
    const chart = compareGroupsCharts(rows, by, figures, titles).charts.find((c) => c.baseUnit === baseUnit);
    if (!chart) throw new SlideGoneError(`compare-groups-${baseUnit}`);
    return { option: chart.option, spec: chart.spec, height: chart.height };
  }],
  ['compare-treemap', async (state, _rest, sources) => {
    const treemap = compareTreemap(await compareFigures(state, sources));
    if (!treemap) throw new SlideGoneError('compare-treemap');
    return { option: treemap.option, spec: treemap.spec, height: treemap.height };
  }],
  ['compare-pairs-', async (state, baseUnit, sources) => {
    const figures = await compareFigures(state, sources);
    const pairs = [];
    for (const docId of new Set(figures.map((f) => f.doc_id))) {
      pairs.push(...findPairs(figures.filter((f) => f.doc_id === docId), await sources.sourceText(docId)));
    }
    const chart = comparePairsCharts(pairs).find((c) => c.baseUnit === baseUnit);
    if (!chart) throw new SlideGoneError(`compare-pairs-${baseUnit}`);
    return { option: chart.option, spec: { title: chart.title, figures: chart.figures }, height: chart.height };
  }],
  // Listed here, not registered by the pivot view: a deck opened from a link never loads that view.
  [PIVOT_CHART_PREFIX, renderPivotSlide],
  // A metric across places and years: the whole workspace's statements of it, as the 指标 view draws them.
  [METRIC_CHART_PREFIX, async (_state, rest, sources) => {
    const { metric, picked } = parseMetricChartId(rest);
    if (!metricById(metric)) throw new SlideGoneError(`${METRIC_CHART_PREFIX}${rest}`);
    const series = await fetchMetricTrend(sources.runner, metric, picked);
    if (drawnPoints(series).length === 0) throw new SlideGoneError(`${METRIC_CHART_PREFIX}${rest}`);
    const title = metricChartTitle(series);
    return { option: buildMetricOption(series), spec: { title, table: metricExportTable(series) }, height: METRIC_CHART_HEIGHT };
  }],
]);

/**
 * Lets another view make its charts pinnable: charts whose id starts with `prefix` are rebuilt by `render`
 * from the slide's app state (and the part of the id after the prefix).
 */
export function registerSlideRenderer(prefix: string, render: SlideRenderer): void {
  renderers.set(prefix, render);
}

/** Whether a chart id has a renderer (only those can be pinned and re-drawn in the deck). */
export function canRenderSlide(chartId: string): boolean {
  return [...renderers.keys()].some((prefix) => chartId.startsWith(prefix));
}

/** Rebuilds a pinned chart from its slide's state: the same builders and queries as its view. */
export async function renderSlide(slide: Slide, sources: SlideSources): Promise<RenderedSlide> {
  const prefix = [...renderers.keys()].filter((p) => slide.chartId.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  const render = prefix === undefined ? undefined : renderers.get(prefix);
  if (prefix === undefined || !render) throw new Error(t.deck.unknownChart(slide.chartId));
  return render(parseState(slide.query), slide.chartId.slice(prefix.length), sources);
}

/** The filters a slide was pinned with, as one readable line (shown on the slide; a report by its title). */
export function describeSlideFilters(query: string, titles: DocumentTitles): string {
  const state = parseState(query);
  const parts = DIMENSIONS.filter((d) => state.filters[d].length > 0).map(
    (d) => `${t.dimensions[d]}=${state.filters[d].map((v) => valueLabel(d, v, titles)).join('、')}`,
  );
  if (state.filters.q !== '') parts.push(`${t.dimensions.q}“${state.filters.q}”`);
  if (state.compare.picks.length > 0) parts.push(t.deck.picks(state.compare.picks.length));
  return parts.length === 0 ? t.deck.filtersNone : t.deck.filters(parts.join('；'));
}
