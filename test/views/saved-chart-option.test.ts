import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables, type ReadOnlyResult } from '../../src/db';
import {
  buildSavedChartOption, cappedNote, columnUnit, planSavedCharts, resultTable,
} from '../../src/views/compare/saved-chart-option';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

let engine: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
});

/** A user query's result as the workbench gets it (columns in select order). */
async function result(text: string, columns: string[]): Promise<ReadOnlyResult> {
  const rows = await engine.runner({ text, params: [] });
  return { columns: columns.map((name) => ({ name, type: '' })), rows };
}

const categories = [...new Set(SAMPLE_FIGURES.map((f) => String(f.category)))].sort();
const countOf = (category: string) => SAMPLE_FIGURES.filter((f) => f.category === category).length;

describe('charts of a saved query', () => {
  it('reads a unit from trailing brackets of a column name', () => {
    expect(['合计(亿元)', 'total [CNY]', '数量（个）', 'figures', '(x) y'].map(columnUnit)).toEqual(['亿元', 'CNY', '个', null, null]);
  });

  it('puts numeric columns of one declared unit on one axis, categories from the first text column', async () => {
    const r = await result(`SELECT category, count(*)::INTEGER AS "数字(个)", count(DISTINCT indicator)::INTEGER AS "指标(个)"
      FROM figures GROUP BY category ORDER BY category`, ['category', '数字(个)', '指标(个)']);
    const layout = planSavedCharts(r);
    expect(layout?.category).toBe('category');
    expect(layout?.charts).toHaveLength(1);
    const option = buildSavedChartOption(layout!.charts[0]!);
    expect(option.xAxis.data).toEqual(categories);
    expect(option.yAxis.name).toBe('个');
    expect(option.series.map((s) => s.name)).toEqual(['数字(个)', '指标(个)']);
    expect(option.series[0]?.data.map((d) => d.value)).toEqual(categories.map(countOf));
  });

  it('draws one chart per numeric column when their units differ or are not declared', async () => {
    const r = await result(`SELECT category, count(*)::INTEGER AS figures, max(value_base) AS largest
      FROM figures GROUP BY category ORDER BY category`, ['category', 'figures', 'largest']);
    const charts = planSavedCharts(r)?.charts ?? [];
    expect(charts.map((c) => c.series.map((s) => s.name))).toEqual([['figures'], ['largest']]);
    expect(charts[0]?.series[0]?.values).toEqual(categories.map(countOf));
    const mixed = await result(`SELECT category, count(*)::INTEGER AS "n(个)", sum(value_base) AS "s(元)" FROM figures GROUP BY 1`,
      ['category', 'n(个)', 's(元)']);
    expect(planSavedCharts(mixed)?.charts).toHaveLength(2);
  });

  it('splits rows by their base_unit column so amounts and areas never share an axis; NULL stays a gap', async () => {
    const r = await result(`SELECT category, base_unit, sum(value_base) AS total, CASE WHEN category = 'investment' THEN NULL ELSE 1 END AS flag
      FROM figures GROUP BY ALL ORDER BY base_unit, category`, ['category', 'base_unit', 'total', 'flag']);
    const layout = planSavedCharts(r)!;
    expect(layout.splitBy).toBe('base_unit');
    const units = [...new Set(SAMPLE_FIGURES.map((f) => String(f.base_unit)))].sort();
    expect([...new Set(layout.charts.map((c) => c.rowUnit))]).toEqual(units);
    const cny = layout.charts.find((c) => c.rowUnit === 'CNY' && c.series[0]?.name === 'total');
    expect(cny?.series[0]?.values).toEqual([
      SAMPLE_FIGURES.filter((f) => f.base_unit === 'CNY').reduce((s, f) => s + Number(f.value_base), 0),
    ]);
    expect(layout.charts.find((c) => c.rowUnit === 'CNY' && c.series[0]?.name === 'flag')?.series[0]?.values).toEqual([null]);
  });

  it('caps the rows drawn and says so; has nothing to draw without a text and a numeric column', async () => {
    const r = await result('SELECT i::VARCHAR AS label, i AS n FROM range(250) t(i)', ['label', 'n']);
    const plan = planSavedCharts(r, 100)!.charts[0]!;
    expect(plan.categories).toHaveLength(100);
    expect(cappedNote(plan)).toContain('100');
    expect(planSavedCharts(await result('SELECT count(*) AS n FROM figures', ['n']))).toBeNull();
    expect(planSavedCharts(await result('SELECT id, quote FROM figures', ['id', 'quote']))).toBeNull();
  });

  it('exports the whole result, numbers as numbers', async () => {
    const r = await result('SELECT id, value_base FROM figures ORDER BY id', ['id', 'value_base']);
    const table = resultTable(r);
    expect(table.columns.map((c) => c.type)).toEqual(['text', 'number']);
    expect(table.rows).toHaveLength(SAMPLE_FIGURES.length);
    expect(table.rows[0]).toEqual({ id: 'sample:0001', value_base: 197500000000 });
  });
});
