import { t } from '../../i18n/zh';
import { fetchDocuments, fetchFigures, fetchPivot } from '../../queries';
import type { SlideRenderer } from '../deck/slide-renderers';
import { PIVOT_CHART_PREFIX, parsePivotChartId, pivotChartFilters, pivotChartView } from './pivot-chart-export';
import { buildPivotGrid } from './pivot-grid';
import { documentTitles } from '../shared/value-label';

/**
 * Rebuilds a pinned pivot chart: the pivot spec, sort and chart kind come from the chart id (see
 * `pivotChartId`), the filter bar's filters from the slide's state; the same query and builders as the view.
 */
export const renderPivotSlide: SlideRenderer = async (state, rest, sources) => {
  const parsed = parsePivotChartId(rest);
  if (!parsed) throw new Error(t.deck.unknownChart(`${PIVOT_CHART_PREFIX}${rest}`));
  const { state: pivot, unit } = parsed;
  const rows = await fetchPivot(sources.runner, { spec: pivot.spec, filters: state.filters });
  const documents = await fetchDocuments(sources.runner);
  const grid = buildPivotGrid(rows, pivot.spec, pivot.sort, documentTitles(documents));
  // Only a value import of the deck's own error type would make this module and the deck's import each other.
  if (!grid.columns.some((c) => c.unit === unit)) throw new Error(`${t.deck.chartGone}（${PIVOT_CHART_PREFIX}${rest}）`);
  const figures = await fetchFigures(sources.runner, {
    filters: pivotChartFilters(state.filters, pivot.spec, unit), sort: { column: 'value_base', desc: true },
  });
  return pivotChartView(grid, pivot, unit, figures);
};
