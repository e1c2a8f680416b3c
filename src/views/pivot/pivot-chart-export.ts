import type { FigureRecord } from '../../data/figure-record';
import type { ChartExportSpec } from '../../export/ChartExportMenu';
import type { ExportTable } from '../../export/table';
import { t } from '../../i18n/zh';
import { PIVOT_DIMENSIONS, isNumericMeasure, type FigureFilters, type PivotSpec } from '../../queries';
import { buildPivotChartOption, chartAxes, chartValue, keyLabel, measureUnitLabel } from './pivot-chart-option';
import { cellRefusal, type PivotGrid } from './pivot-grid';
import { drillFilters, parsePivotParam, serializePivotParam, type PivotState } from './pivot-url';
import { valueLabel, type DocumentTitles } from '../shared/value-label';

/** Pivot charts are pinned as `pivot-chart:<pivot parameter>:<base unit>`: the id alone rebuilds the chart. */
export const PIVOT_CHART_PREFIX = 'pivot-chart:';

/** The chart id of the pivot chart of one unit (the pivot parameter never holds a bare `:`). */
export function pivotChartId(state: PivotState, unit: string): string {
  return `${PIVOT_CHART_PREFIX}${serializePivotParam(state)}:${encodeURIComponent(unit)}`;
}

/** Reads what follows {@link PIVOT_CHART_PREFIX} back into the pivot state and unit; null when malformed. */
export function parsePivotChartId(rest: string): { state: PivotState; unit: string } | null {
  const cut = rest.lastIndexOf(':');
  if (cut < 0) return null;
  try {
    return { state: parsePivotParam(rest.slice(0, cut)), unit: decodeURIComponent(rest.slice(cut + 1)) };
  } catch {
    return null;
  }
}

const dimNames = (dims: readonly string[]) => dims.map((d) => t.pivot.dimensionNames[d] ?? d).join(' › ');

/** The pivot spec in words: 行：类别 › 指标；列：主体；筛选：指标=问题数 (a report named by its title). */
export function describePivotSpec(spec: PivotSpec, titles: DocumentTitles): string {
  const parts = [`${t.pivot.rows}：${spec.rows.length > 0 ? dimNames(spec.rows) : t.pivot.total}`];
  if (spec.columns.length > 0) parts.push(`${t.pivot.columns}：${dimNames(spec.columns)}`);
  const filters = PIVOT_DIMENSIONS.filter((d) => (spec.filters[d] ?? []).length > 0).map(
    (d) => `${t.pivot.dimensionNames[d] ?? d}=${(spec.filters[d] ?? []).map((v) => valueLabel(d, v, titles)).join('、')}`,
  );
  if (filters.length > 0) parts.push(`${t.pivot.exportFilters}：${filters.join('；')}`);
  return parts.join('；');
}

/** The filters of the figures behind the chart of one unit (for its period and source line). */
export function pivotChartFilters(filters: FigureFilters, spec: PivotSpec, unit: string): FigureFilters {
  return drillFilters(filters, spec, unit === '' ? [] : [['base_unit', unit]]);
}

/**
 * The rows behind the chart of one unit, one per bar (or heat-map cell): row and column labels, the number
 * of figures, the exact aggregate in the base unit and the value drawn in the chart's scale.
 */
export function pivotChartTable(grid: PivotGrid, unit: string): ExportTable {
  const { rows, columns } = chartAxes(grid, unit);
  const c = t.pivot.exportColumns;
  const numeric = isNumericMeasure(grid.measure);
  return {
    columns: [
      { key: 'row', label: grid.rowDims.length > 0 ? dimNames(grid.rowDims) : c.row, type: 'text' },
      { key: 'column', label: grid.colDims.length > 0 ? dimNames(grid.colDims) : c.column, type: 'text' },
      { key: 'count', label: c.count, type: 'number' },
      ...(numeric ? [
        { key: 'value', label: t.pivot.measures[grid.measure] ?? grid.measure, type: 'number' as const },
        { key: 'base_unit', label: c.baseUnit, type: 'text' as const },
      ] : []),
      { key: 'shown', label: c.shown, type: 'number' },
      { key: 'shown_unit', label: c.shownUnit, type: 'text' },
      ...(grid.measure === 'sum' ? [{ key: 'refused', label: t.exporter.columns.refused, type: 'text' as const }] : []),
    ],
    rows: rows.flatMap((row) => columns.flatMap(({ column, index }) => {
      const cell = row.cells[index];
      if (!cell) return [];
      return [{
        row: keyLabel(row.key, grid.rowDims, grid.titles),
        column: column.key.length === 0 ? t.pivot.total : keyLabel(column.key, grid.colDims, grid.titles),
        count: cell.count,
        ...(numeric ? { value: cell.value, base_unit: unit } : {}),
        shown: cell.refused ? null : chartValue(grid, row, index, unit),
        shown_unit: measureUnitLabel(grid, unit),
        ...(grid.measure === 'sum' ? { refused: cellRefusal(cell) ?? '' } : {}),
      }];
    })),
  };
}

/** The pivot chart of one unit as the view and the deck both draw it: option, export spec and height. */
export function pivotChartView(grid: PivotGrid, state: PivotState, unit: string, figures: readonly FigureRecord[]) {
  const kind = state.chart ?? 'bars';
  const option = buildPivotChartOption(grid, kind, unit);
  const spec: ChartExportSpec = {
    title: `${option.title.text}｜${describePivotSpec(state.spec, grid.titles)}`,
    unit: measureUnitLabel(grid, unit),
    figures,
    table: pivotChartTable(grid, unit),
  };
  const height = Math.max(320, kind === 'heatmap' ? 90 + grid.rows.length * 28 : 360);
  return { option, spec, height };
}
