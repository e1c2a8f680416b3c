import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db';
import { EMPTY_FILTERS, fetchPivot, type PivotRow, type PivotSpec } from '../../src/queries';
import { t } from '../../src/i18n/zh';
import { buildPivotBarsOption, buildPivotChartOption, keyLabel, measureUnitLabel } from '../../src/views/pivot/pivot-chart-option';
import { buildPivotGrid, cellDimensions, cellRefusal, cellText, heatLevel, visibleRows, type PivotGrid } from '../../src/views/pivot/pivot-grid';
import { DEFAULT_PIVOT, drillFilters, parsePivotParam, serializePivotParam, type PivotState } from '../../src/views/pivot/pivot-url';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, sampleFiguresCsv } from '../util/sample-data';
import { optionSnapshot } from '../util/sample-records';

let engine: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
});

const spec = (s: Partial<PivotSpec>): PivotSpec => ({ rows: [], columns: [], measure: 'count', filters: {}, ...s });
const pivotRows = (s: PivotSpec): Promise<PivotRow[]> => fetchPivot(engine.runner, { spec: s, filters: EMPTY_FILTERS });

/** The grid as plain text, one line per row: what a reader of the table sees. */
function render(grid: PivotGrid): string {
  const header = ['', ...grid.columns.map((c) => `${c.key.length === 0 ? t.pivot.total : keyLabel(c.key, grid.colDims)} [${measureUnitLabel(grid, c.unit)}]`)];
  const lines = grid.rows.map((r) => [`${'  '.repeat(Math.max(0, r.depth - 1))}${keyLabel(r.key, grid.rowDims)}`, ...r.cells.map((c) => cellText(c, grid, t.pivot.nFigures))]);
  return `${[header, ...lines].map((l) => l.join(' | ')).join('\n')}\n`;
}

describe('pivot grid', () => {
  it('lays out category × subject sums per unit with subtotal columns, groups and the grand total', async () => {
    const s = spec({ rows: ['category'], columns: ['subject'], measure: 'sum' });
    const grid = buildPivotGrid(await pivotRows(s), s);
    expect([...new Set(grid.columns.map((c) => c.unit))]).toEqual(['CNY', 'USD', 'm2', '个', 'percent']);
    // Each unit ends with its total column; CNY in 亿元.
    expect(grid.columns.filter((c) => c.total).map((c) => c.unit)).toEqual(['CNY', 'USD', 'm2', '个', 'percent']);
    expect(measureUnitLabel(grid, 'CNY')).toBe('亿元');
    const last = grid.rows.at(-1);
    expect(last?.depth).toBe(0);
    const cnyTotal = grid.columns.findIndex((c) => c.unit === 'CNY' && c.total);
    // The CNY figures are different indicators of different periods: their total is refused, never 2,237.72.
    expect(cellText(last?.cells[cnyTotal] ?? null, grid, t.pivot.nFigures)).toBe('—');
    expect(cellRefusal(last?.cells[cnyTotal] ?? null)).toBe(t.refusals.periods);
    await expect(render(grid)).toMatchFileSnapshot('__snapshots__/pivot-grid-sum.txt');
  });

  it('puts groups before their children, collapses them, and sorts siblings by a column', async () => {
    const s = spec({ rows: ['category', 'subject'] });
    const data = await pivotRows(s);
    const grid = buildPivotGrid(data, s);
    const investment = grid.rows.findIndex((r) => r.key.length === 1 && r.key[0] === 'investment');
    expect(grid.rows[investment + 1]?.key[0]).toBe('investment');
    expect(grid.rows[investment + 1]?.depth).toBe(2);
    const collapsed = visibleRows(grid, new Set([grid.rows[investment]?.id ?? '']));
    expect(collapsed.some((r) => r.depth === 2 && r.key[0] === 'investment')).toBe(false);
    expect(collapsed.length).toBeLessThan(grid.rows.length);
    const total = grid.columns[0]?.id ?? '';
    const sorted = buildPivotGrid(data, s, { by: total, desc: true });
    const top = sorted.rows.filter((r) => r.depth === 1).map((r) => r.cells[0]?.count ?? 0);
    expect(top).toEqual([...top].sort((a, b) => b - a));
    expect(sorted.rows[0]?.key).toEqual(['investment']);
  });

  it('colours only leaf cells for the heat map, relative to the largest of their unit', async () => {
    const s = spec({ rows: ['category'], measure: 'max' });
    const grid = buildPivotGrid(await pivotRows(s), s);
    const levels = grid.rows.flatMap((r) => grid.columns.map((c, i) => heatLevel(r.cells[i] ?? null, r, c, grid)));
    expect(Math.max(...levels)).toBe(1);
    const totalRow = grid.rows.at(-1);
    expect(grid.columns.map((c, i) => heatLevel(totalRow?.cells[i] ?? null, totalRow!, c, grid))).toEqual(grid.columns.map(() => 0));
  });

  it('drills a cell to the explorer filters of its dimensions and unit', async () => {
    const s = spec({ rows: ['category', 'indicator'], columns: ['subject'], measure: 'sum', filters: { kind: ['amount'] } });
    const grid = buildPivotGrid(await pivotRows(s), s);
    const row = grid.rows.find((r) => r.leaf && r.key[1] === '到位资金');
    const column = grid.columns.find((c) => !c.total && c.key[0] === '高新区');
    const dims = cellDimensions(grid, row!, column!);
    expect(dims).toEqual([['category', 'investment'], ['indicator', '到位资金'], ['subject', '高新区'], ['base_unit', 'CNY']]);
    const filters = drillFilters(EMPTY_FILTERS, s, dims);
    expect(filters).toEqual({
      ...EMPTY_FILTERS, category: ['investment'], indicator: ['到位资金'], subject: ['高新区'], base_unit: ['CNY'], kind: ['amount'],
    });
  });

  it('charts the leaf cells of one unit as bars or a heat map, side by side where a stack would be no total', async () => {
    const s = spec({ rows: ['category'], columns: ['subject'], measure: 'sum' });
    const grid = buildPivotGrid(await pivotRows(s), s);
    const bars = buildPivotBarsOption(grid, 'CNY', true);
    expect(bars.xAxis.data).toEqual(['招商引资与投资']);
    // Three different indicators: each bar is one figure, and they are not stacked into a 2,237.72 total.
    expect(bars.series.map((serie) => serie.data[0]?.value)).toEqual([1975, 262.48, 0.235316]);
    expect(bars.series.some((serie) => 'stack' in serie)).toBe(false);
    await expect(optionSnapshot(bars)).toMatchFileSnapshot('__snapshots__/pivot-stacked.json');
    const heat = buildPivotChartOption(grid, 'heatmap', 'CNY');
    expect(heat.series[0]?.type).toBe('heatmap');
  });
});

describe('pivot URL parameter', () => {
  it('round-trips a spec with hostile filter values and a sort column', () => {
    const state: PivotState = {
      spec: { rows: ['category', 'indicator'], columns: ['subject'], measure: 'avg', filters: { subject: ["a;b=c|d'\"", '滨海新区'] } },
      sort: { by: '["CNY","x;y"]', desc: true },
      heat: true,
      chart: 'heatmap',
    };
    const text = serializePivotParam(state);
    expect(parsePivotParam(text)).toEqual(state);
    expect(parsePivotParam(new URLSearchParams(`pivot=${encodeURIComponent(text)}`).get('pivot'))).toEqual(state);
  });

  it('drops unknown or repeated dimensions and falls back to defaults', () => {
    expect(parsePivotParam(null)).toEqual(DEFAULT_PIVOT);
    const parsed = parsePivotParam('r=category,quote,category;c=category,kind;m=median');
    expect(parsed.spec).toEqual({ rows: ['category'], columns: ['kind'], measure: 'count', filters: {} });
  });
});
