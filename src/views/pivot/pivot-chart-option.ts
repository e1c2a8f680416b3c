import { t } from '../../i18n/zh';
import { formatNumber, scaled, unitLabel } from '../../lib/format';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';
import { cellNumber, pivotValueLabel, type GridColumn, type GridRow, type PivotGrid } from './pivot-grid';
import type { PivotChartKind } from './pivot-url';

/** A row or column key as people read it: its dimension values joined (a report by its title), or 合计. */
export function keyLabel(key: readonly string[], dims: readonly string[], titles: ReadonlyMap<string, string> = new Map()): string {
  if (key.length === 0) return t.pivot.total;
  return key.map((v, i) => pivotValueLabel(dims[i] ?? '', v, titles)).join(' · ');
}

/** The label of a measure's unit for one base unit (亿元, 平方米, 个数字…). */
export function measureUnitLabel(grid: PivotGrid, unit: string): string {
  if (grid.measure === 'count' || grid.measure === 'written') return t.pivot.countUnit;
  return unitLabel(unit, grid.scales[unit]);
}

/** The leaf rows and columns of one unit: the chart shows the detail, never the subtotals. */
export function chartAxes(grid: PivotGrid, unit: string): { rows: GridRow[]; columns: { column: GridColumn; index: number }[] } {
  const columns = grid.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => column.unit === unit && (!column.total || grid.colDims.length === 0));
  const rows = grid.rows.filter((r) => (r.leaf || grid.rowDims.length === 0) && columns.some(({ index }) => r.cells[index]));
  return { rows, columns };
}

/** The value a chart draws for one cell: counts whole, numeric measures in the unit's 万/亿 scale. */
export function chartValue(grid: PivotGrid, row: GridRow, index: number, unit: string): number | null {
  const n = cellNumber(row.cells[index], grid.measure);
  if (n === null) return null;
  return grid.measure === 'count' || grid.measure === 'written' ? n : scaled(n, grid.scales[unit] ?? { divisor: 1, prefix: '' });
}

/**
 * The pivot as a chart for one base unit: grouped or stacked bars (rows on x, one series per column) or a
 * heat map (columns × rows). Values come from the pivot's own aggregates, scaled like its cells.
 */
export function buildPivotChartOption(grid: PivotGrid, kind: PivotChartKind, unit: string) {
  return kind === 'heatmap' ? buildPivotHeatmapOption(grid, unit) : buildPivotBarsOption(grid, unit, kind === 'stacked');
}

function chartParts(grid: PivotGrid, unit: string) {
  const { rows, columns } = chartAxes(grid, unit);
  const unitText = measureUnitLabel(grid, unit);
  const title = t.pivot.chartTitle(t.pivot.measures[grid.measure] ?? grid.measure, unitText);
  const rowNames = rows.map((r) => keyLabel(r.key, grid.rowDims, grid.titles));
  const colNames = columns.map(({ column }) => (column.key.length === 0 ? unitText : keyLabel(column.key, grid.colDims, grid.titles)));
  const common = {
    ...baseOption(title),
    title: { text: title, left: 0, textStyle: { fontSize: 15, fontWeight: 600 } },
  };
  return { rows, columns, unitText, rowNames, colNames, common };
}

/** A heat map of the pivot's leaf cells for one unit (columns across, rows down). */
export function buildPivotHeatmapOption(grid: PivotGrid, unit: string) {
  const { rows, columns, unitText, rowNames, colNames, common } = chartParts(grid, unit);
  const data = rows.flatMap((row, y) =>
    columns.map(({ index }, x) => [x, y, chartValue(grid, row, index, unit) ?? '-'] as [number, number, number | string]),
  );
  const max = Math.max(0, ...data.map((d) => (typeof d[2] === 'number' ? d[2] : 0)));
  return {
    ...common,
    tooltip: {
      confine: true,
      formatter: (p: { data: [number, number, number | string] }) =>
        tooltipHtml([rowNames[p.data[1]] ?? '', colNames[p.data[0]] ?? '', `${typeof p.data[2] === 'number' ? formatNumber(p.data[2], 4) : '-'}${unitText}`], false),
    },
    grid: { left: 8, right: 24, top: 44, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: colNames, axisLabel: { interval: 0, rotate: colNames.length > 6 ? 30 : 0, formatter: (v: string) => shortLabel(v, 10) } },
    yAxis: { type: 'category', data: rowNames, axisLabel: { formatter: (v: string) => shortLabel(v, 12) } },
    visualMap: { min: 0, max: max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#eef4fa', '#2f5d8a'] } },
    series: [{ type: 'heatmap', name: unitText, data, label: { show: rows.length * columns.length <= 80, formatter: (p: { data: [number, number, number | string] }) => (typeof p.data[2] === 'number' ? formatNumber(p.data[2]) : '') } }],
  };
}

/**
 * Whether a row's cells of one unit may be stacked: a stack's height says "their total", so every row's total
 * must be a total (not refused) and equal the cells stacked (a total stated beside its own parts is not: 911 on
 * top of 173 + 556 + …). Otherwise the cells are drawn side by side.
 */
export function canStack(grid: PivotGrid, unit: string): boolean {
  if (grid.measure !== 'sum' && grid.measure !== 'count') return false;
  const total = grid.columns.findIndex((c) => c.unit === unit && c.key.length === 0);
  const { rows, columns } = chartAxes(grid, unit);
  if (total === -1) return false;
  return rows.every((r) => {
    const whole = cellNumber(r.cells[total], grid.measure);
    if (r.cells[total]?.refused || whole === null) return false;
    const stacked = columns.reduce((sum, { index }) => sum + (cellNumber(r.cells[index], grid.measure) ?? 0), 0);
    return Math.abs(stacked - whole) <= 1e-6 * Math.max(1, Math.abs(whole));
  });
}

/**
 * Grouped (or stacked) bars of the pivot's leaf cells for one unit: rows on x, one series per column. A stack
 * is drawn only where its total means something ({@link canStack}); a refused cell draws no bar.
 */
export function buildPivotBarsOption(grid: PivotGrid, unit: string, stackedAsked: boolean) {
  const { rows, columns, unitText, rowNames, colNames, common } = chartParts(grid, unit);
  const stacked = stackedAsked && canStack(grid, unit);
  const title = stackedAsked && !stacked ? `${common.title.text}${t.pivot.notStacked}` : common.title.text;
  // Refused cells draw no bar: the chart says how many, so a gap never reads as zero (on screen and exported).
  const refused = rows.reduce((n, row) => n + columns.filter(({ index }) => row.cells[index]?.refused).length, 0);
  const note = refused > 0 ? t.compare.refusedBars(refused) : '';
  return {
    ...common,
    title: { ...common.title, text: title, ...(note ? { subtext: note, itemGap: 4, subtextStyle: { fontSize: 12, color: '#6b7280' } } : {}) },
    legend: { show: columns.length > 1, top: note ? 42 : 24, type: 'scroll' },
    grid: { left: 8, right: 24, top: (columns.length > 1 ? 64 : 44) + (note ? 18 : 0), bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; seriesName: string; value: number }) =>
        tooltipHtml([p.name, p.seriesName, `${formatNumber(p.value, 4)}${unitText}`], false),
    },
    xAxis: { type: 'category', data: rowNames, axisLabel: { interval: 0, rotate: rowNames.length > 6 ? 30 : 0, formatter: (v: string) => shortLabel(v, 10) } },
    yAxis: { type: 'value', name: unitText, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: columns.map(({ index }, i) => ({
      type: 'bar',
      name: colNames[i],
      ...(stacked ? { stack: 'pivot' } : {}),
      data: rows.map((row) => ({ value: row.cells[index]?.refused ? null : (chartValue(grid, row, index, unit) ?? 0) })),
    })),
  };
}
