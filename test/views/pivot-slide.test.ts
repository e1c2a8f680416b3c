import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db';
import { EMPTY_FILTERS, fetchPivot } from '../../src/queries';
import { renderSlide, type SlideSources } from '../../src/views/deck/slide-renderers';
import {
  PIVOT_CHART_PREFIX, describePivotSpec, parsePivotChartId, pivotChartId, pivotChartTable, pivotChartView,
} from '../../src/views/pivot/pivot-chart-export';
import { buildPivotGrid } from '../../src/views/pivot/pivot-grid';
import type { PivotState } from '../../src/views/pivot/pivot-url';
import { documentTitles } from '../../src/views/shared/value-label';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

let engine: Awaited<ReturnType<typeof createTestEngine>>;
let sources: SlideSources;
beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
  const unused = () => Promise.reject(new Error('a pivot slide needs only the query runner'));
  sources = { runner: engine.runner, sourceText: unused };
});

const state: PivotState = {
  spec: { rows: ['subject'], columns: ['category'], measure: 'sum', filters: { kind: ['amount', "x:y;z"] } },
  sort: { by: 'label', desc: true },
  heat: false,
  chart: 'stacked',
};

describe('pivot chart id', () => {
  it('holds the whole pivot state and the unit, whatever their text', () => {
    const id = pivotChartId(state, 'odd:unit/单位');
    expect(id.startsWith(PIVOT_CHART_PREFIX)).toBe(true);
    expect(parsePivotChartId(id.slice(PIVOT_CHART_PREFIX.length))).toEqual({ state, unit: 'odd:unit/单位' });
    expect(parsePivotChartId('no-unit-part')).toBeNull();
  });

  it('describes the spec in words for the export title', () => {
    expect(describePivotSpec(state.spec, new Map())).toBe('行：主体；列：类别；筛选：类型=金额、x:y;z');
    expect(describePivotSpec({ rows: [], columns: [], measure: 'count', filters: {} }, new Map())).toBe('行：合计');
  });

  it('names a report the pivot is filtered or grouped by by its title, not its doc_id', () => {
    const titles = documentTitles([{ doc_id: 'sample', title: '测试报告' }]);
    const spec = { rows: ['doc_id' as const], columns: [], measure: 'count' as const, filters: { doc_id: ['sample', 'gone'] } };
    expect(describePivotSpec(spec, titles)).toBe('行：报告；筛选：报告=测试报告、gone');
  });

  it('names the filtered report by its title in the exported chart title', async () => {
    const byReport: PivotState = { ...state, spec: { ...state.spec, filters: { doc_id: ['sample'] } } };
    const rendered = await renderSlide({ id: 's2', chartId: pivotChartId(byReport, 'CNY'), title: 't', query: '?view=pivot' }, sources);
    expect(rendered.spec.title).toMatch(/筛选：报告=测试报告$/);
    expect(rendered.spec.title).not.toContain('sample');
  });
});

describe('a pinned pivot chart in the deck', () => {
  it('is rebuilt from its id and the slide’s filters, with the sums the data holds', async () => {
    const slide = { id: 's1', chartId: pivotChartId(state, 'CNY'), title: 't', query: '?view=pivot&category=investment' };
    const rendered = await renderSlide(slide, sources);
    const series = (rendered.option as { series: { name: string; stack?: string; data: { value: number }[] }[] }).series;
    expect(series.every((s) => s.stack === 'pivot')).toBe(true);
    // Independently of the pivot query: the CNY sums per subject of the investment amounts, in 亿元.
    const direct = await engine.runner({
      text: `SELECT coalesce(subject, '') AS subject, sum(value_base) AS total FROM figures
        WHERE category = 'investment' AND base_unit = 'CNY' AND kind = 'amount' GROUP BY 1`,
      params: [],
    });
    const expected = Object.fromEntries(direct.map((r) => [String(r.subject), Number(r.total)]));
    const xAxis = (rendered.option as { xAxis: { data: string[] } }).xAxis.data;
    const drawn = Object.fromEntries(xAxis.map((name, i) => [name, series[0]?.data[i]?.value]));
    expect(Object.keys(drawn).sort()).toEqual(Object.keys(expected).sort());
    for (const [subject, total] of Object.entries(expected)) expect(drawn[subject]).toBeCloseTo(total / 1e8, 6);
    const exported = Object.fromEntries((rendered.spec.table?.rows ?? []).map((r) => [String(r.row), r.value]));
    expect(exported).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, expect.closeTo(v, 2)])));
    expect(rendered.spec.title).toContain('行：主体；列：类别');
    expect(rendered.spec.unit).toBe('亿元');
    expect(rendered.spec.figures?.length).toBe(SAMPLE_FIGURES.filter((f) => f.category === 'investment' && f.base_unit === 'CNY').length);
  });

  it('draws what the view draws for the same pivot and filters', async () => {
    const filters = { ...EMPTY_FILTERS, category: ['investment'] };
    const grid = buildPivotGrid(await fetchPivot(engine.runner, { spec: state.spec, filters }), state.spec, state.sort);
    const rendered = await renderSlide({ id: 's1', chartId: pivotChartId(state, 'CNY'), title: 't', query: '?category=investment' }, sources);
    const view = pivotChartView(grid, state, 'CNY', rendered.spec.figures ?? []);
    expect(JSON.stringify(rendered.option)).toBe(JSON.stringify(view.option));
    expect(rendered.height).toBe(view.height);
    expect(rendered.spec.table).toEqual(pivotChartTable(grid, 'CNY'));
  });

  it('says the chart is gone when no figure of its unit is left under the slide’s filters', async () => {
    const slide = { id: 's1', chartId: pivotChartId(state, 'CNY'), title: 't', query: '?category=projects' };
    await expect(renderSlide(slide, sources)).rejects.toThrow('已没有数据');
  });
});
