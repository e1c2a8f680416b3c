/**
 * Every aggregate over the report's own figures means what it says: a real DuckDB, the shipped figures.csv, and
 * the app's one additivity rule (lib/additivity.ts) as the reference each query family must agree with.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureRecord } from '../../src/data/figure-record';
import { loadTables } from '../../src/db';
import { honestSum } from '../../src/lib/additivity';
import {
  EMPTY_FILTERS, fetchFigures, fetchGroups, fetchPivot, type FigureFilters, type PivotDimension, type PivotRow, type PivotSpec,
} from '../../src/queries';
import { sql } from '../../src/sql';
import { t } from '../../src/i18n/zh';
import { treemapComposition } from '../../src/views/compare/treemap-option';
import { buildPivotBarsOption, canStack } from '../../src/views/pivot/pivot-chart-option';
import { buildPivotGrid } from '../../src/views/pivot/pivot-grid';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

let engine: Awaited<ReturnType<typeof createTestEngine>>;
let figures: FigureRecord[];

beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, {
    figuresCsv: readFileSync('data/figures.csv', 'utf8'), documentsCsv: readFileSync('data/documents.csv', 'utf8'),
  });
  figures = await fetchFigures(engine.runner, { filters: EMPTY_FILTERS, sort: { column: 'id', desc: false } });
});

const spec = (s: Partial<PivotSpec>): PivotSpec => ({ rows: [], columns: [], measure: 'sum', filters: {}, ...s });
const pivot = (s: Partial<PivotSpec>, filters: FigureFilters = EMPTY_FILTERS) => fetchPivot(engine.runner, { spec: spec(s), filters });
const grand = (rows: PivotRow[]) => rows.filter((r) => r.rowKey.length === 0 && r.colKey.length === 0);
const byIndicator = (...indicators: string[]): FigureFilters => ({ ...EMPTY_FILTERS, indicator: indicators });

describe('the cases an analyst found, as the product now totals them', () => {
  it('counts a fact stated twice once: 五方面人员 12 (not 24), 产业联盟 17 (not 34)', async () => {
    for (const [indicator, value] of [['五方面人员数', 12], ['产业联盟数', 17]] as const) {
      expect(figures.filter((f) => f.indicator === indicator)).toHaveLength(2);
      const [total] = grand(await pivot({}, byIndicator(indicator)));
      expect([total?.value, total?.count], indicator).toEqual([value, 1]);
    }
  });

  it('never adds a total to its own parts: 选派党建服务专员 911 (not 1,822), its parts still shown per zone', async () => {
    const rows = await pivot({ columns: ['subject'] }, byIndicator('选派党建服务专员数'));
    expect(grand(rows).map((r) => r.value)).toEqual([911]);
    const zone = (s: string) => rows.find((r) => r.colKey[0] === s && r.rowKey.length === 0)?.value;
    expect([zone('开发区'), zone('经开区'), zone('高新区'), zone('生态城')]).toEqual([911, 173, 556, 15]);
  });

  it('refuses 雏鹰企业 36 new + 508 cumulative (544) as a flow added to a stock', async () => {
    const young = figures.filter((f) => /雏鹰企业数$/.test(f.indicator));
    expect(young.map((f) => [f.value_base, f.agg]).sort()).toEqual([[36, 'additive'], [508, 'stock']]);
    const [total] = grand(await pivot({}, byIndicator(...new Set(young.map((f) => f.indicator)))));
    expect([total?.value, total?.refused]).toEqual([null, 'flow_and_stock']);
  });

  it('never adds overlapping tiers: 高新区 enterprises (国科小 + 雏鹰 + 瞪羚 …) have no total', async () => {
    const rows = await pivot({ rows: ['subject'] }, { ...EMPTY_FILTERS, base_unit: ['家'] });
    const hitech = rows.find((r) => r.rowKey[0] === '高新区');
    expect(hitech?.value).toBeNull();
    expect(hitech?.refused).not.toBeNull();
    expect(rows.some((r) => r.value === 1843)).toBe(false);
    // The three tiers alone, all stocks of one date: still no total.
    const [tiers] = grand(await pivot({}, { ...byIndicator('入库国科小数', '雏鹰企业数', '瞪羚企业数'), subject: ['高新区'] }));
    expect([tiers?.value, tiers?.refused, tiers?.count]).toEqual([null, 'indicators', 3]);
  });

  it('never sums rates, shares or ages: no 192.92 %, no 208.5 岁', async () => {
    for (const unit of ['percent', 'year_of_age']) {
      const rows = await pivot({ rows: ['category'] }, { ...EMPTY_FILTERS, base_unit: [unit] });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.value !== null), unit).toEqual([]);
      expect(new Set(rows.map((r) => r.refused))).toEqual(new Set(['non_additive']));
    }
  });

  it('averages only within one indicator: no 21.44 % of growth rates and shares, no 41.7 岁 of ages and age limits', async () => {
    for (const unit of ['percent', 'year_of_age']) {
      const [total] = grand(await pivot({ rows: ['category'], measure: 'avg' }, { ...EMPTY_FILTERS, base_unit: [unit] }));
      expect([total?.value, total?.refused], unit).toEqual([null, 'average_indicators']);
    }
    // One indicator stated for several subjects averages as it should.
    const other = await createTestEngine();
    const share = SAMPLE_FIGURES.find((f) => f.kind === 'percent_share')!;
    const rows = [share, { ...share, id: 'sample:0101', fact_id: 'sample:0101', subject: '高新区', value: '20.11', value_base: '20.11', start: 90, end: 96 }];
    await loadTables(other, { figuresCsv: sampleFiguresCsv(rows), documentsCsv: SAMPLE_DOCUMENTS_CSV });
    const [one] = grand(await fetchPivot(other.runner, { spec: spec({ rows: ['subject'], measure: 'avg' }), filters: EMPTY_FILTERS }));
    expect([one?.value, one?.refused]).toEqual([(33.89 + 20.11) / 2, null]);
  });

  it('keeps a sum’s qualifier: a single figure’s own, 约 where an added figure is approximate, 余 for lower bounds', async () => {
    const one = figures.find((f) => f.qualifier === '余' && f.mention === 1 && f.parts === 0 && !f.part_of)!;
    const [single] = await fetchGroups(engine.runner, { filters: { ...byIndicator(one.indicator), subject: [one.subject] }, by: 'subject', series: null, baseUnits: [one.base_unit] });
    expect([single?.total, single?.qualifier]).toEqual([one.value_base, '余']);
    const [cell] = grand(await pivot({ measure: 'sum' }, { ...byIndicator(one.indicator), subject: [one.subject] }));
    expect([cell?.value, cell?.qualifier]).toEqual([one.value_base, '余']);
    const other = await createTestEngine();
    const base = SAMPLE_FIGURES.find((f) => f.indicator === '到位资金')!;
    const rows = [
      { ...base, qualifier: '余' },
      { ...base, id: 'sample:0102', fact_id: 'sample:0102', subject: '开发区', value: '10', value_base: '1000000000', qualifier: '余', start: 100, end: 104 },
      { ...base, id: 'sample:0103', fact_id: 'sample:0103', subject: '保税区', value: '5', value_base: '500000000', start: 110, end: 114 },
    ];
    const groups = async (qualifiers: string[]) => {
      await loadTables(other, { figuresCsv: sampleFiguresCsv(rows.map((r, i) => ({ ...r, qualifier: qualifiers[i] ?? '' }))), documentsCsv: SAMPLE_DOCUMENTS_CSV });
      const [total] = await fetchGroups(other.runner, { filters: EMPTY_FILTERS, by: 'indicator', series: null, baseUnits: [] });
      return [total?.total, total?.qualifier];
    };
    expect(await groups(['余', '余', ''])).toEqual([27748000000, '余']);
    expect(await groups(['余', '约', ''])).toEqual([27748000000, '约']);
    expect(await groups(['', '', ''])).toEqual([27748000000, '']);
  });

  it('keeps counts of 家, 个, 项 … apart: a sum never spans two measure words', async () => {
    const rows = await pivot({ rows: ['category'] });
    const units = new Set(rows.map((r) => r.unit));
    expect(units.has('家') && units.has('个') && units.has('项')).toBe(true);
    expect(units.has('count')).toBe(false);
    expect(figures.find((f) => f.value === 1287)?.base_unit).toBe('家');
  });

  it('reads a period written two ways as one value', async () => {
    const [row] = await engine.query(sql`SELECT count(*) AS n, count(DISTINCT period) AS periods FROM figures
      WHERE period_start = '2021-01-01' AND period_end = '2021-10-31'`);
    expect(row).toEqual({ n: 10, periods: 1 });
    expect(figures.some((f) => f.period === '2021年1至10月')).toBe(false);
  });

  it('draws a treemap whose root is the honest sum of one composition', () => {
    const composition = treemapComposition(figures);
    expect(composition).not.toBeNull();
    // The report's CNY amounts are all different indicators: the composition is 选派党建服务专员 911 by zone.
    expect([composition?.indicator, composition?.total, composition?.remainder]).toEqual(['选派党建服务专员数', 911, 0]);
    const drawn = composition?.figures ?? [];
    expect(drawn.map((f) => f.value_base).sort((a, b) => a - b)).toEqual([15, 20, 147, 173, 556]);
    const verdict = honestSum(drawn);
    expect(verdict.ok && verdict.value).toBe(composition?.total);
    expect(treemapComposition(figures.filter((f) => f.base_unit === 'CNY'))).toBeNull();
  });
});

/** The figures a pivot cell stands for, by its keys ('' for a figure with no value). */
function members(dims: readonly PivotDimension[], key: readonly string[], unit: string, of: readonly FigureRecord[]) {
  return of.filter((f) => (unit === '' || f.base_unit === unit) && key.every((v, i) => String(f[dims[i] as keyof FigureRecord] ?? '') === v));
}

describe('every query family agrees with the one additivity rule', () => {
  const shapes: Array<Pick<PivotSpec, 'rows' | 'columns'>> = [
    { rows: ['category'], columns: ['subject'] },
    { rows: ['subject', 'indicator'], columns: [] },
    { rows: ['section'], columns: ['kind'] },
    { rows: ['period'], columns: ['category'] },
  ];

  it.each(shapes)('pivot sums: %j', async (shape) => {
    const rows = await pivot(shape);
    expect(rows.length).toBeGreaterThan(10);
    // A fact stated in two sections counts where it is first stated (its first mention's id is its fact id).
    const facts = figures.filter((f) => f.id === f.fact_id);
    expect(facts.length).toBeLessThan(figures.length);
    for (const r of rows) {
      const own = [
        ...members(shape.rows.slice(0, r.rowKey.length), r.rowKey, r.unit, facts),
      ].filter((f) => members(shape.columns.slice(0, r.colKey.length), r.colKey, r.unit, [f]).length === 1);
      const verdict = honestSum(own);
      expect([r.value, r.refused, r.count], JSON.stringify(r)).toEqual(
        verdict.ok ? [verdict.value, null, verdict.facts] : [null, verdict.reason, verdict.facts],
      );
    }
  });

  it('grouped sums (compare view, deck): each group as the rule says', async () => {
    for (const by of ['category', 'subject', 'period'] as const) {
      const groups = await fetchGroups(engine.runner, { filters: EMPTY_FILTERS, by, series: null, baseUnits: [] });
      for (const g of groups) {
        const verdict = honestSum(figures.filter((f) => f.base_unit === g.base_unit && String(f[by] ?? '') === g.key));
        expect([g.total, g.refused, g.count], `${by} ${JSON.stringify(g)}`).toEqual(
          verdict.ok ? [verdict.value, null, verdict.facts] : [null, verdict.reason, verdict.facts],
        );
      }
    }
  });
});

describe('a pivot chart stacks only what adds up', () => {
  const grid = async (s: Partial<PivotSpec>, filters: FigureFilters = EMPTY_FILTERS) => {
    const full = spec(s);
    return buildPivotGrid(await fetchPivot(engine.runner, { spec: full, filters }), full);
  };

  it('draws 911 beside its parts side by side: a stack would show 1,822', async () => {
    const g = await grid({ rows: ['indicator'], columns: ['subject'] }, byIndicator('选派党建服务专员数'));
    expect(canStack(g, 'person')).toBe(false);
    const option = buildPivotBarsOption(g, 'person', true);
    expect(option.series.some((x) => 'stack' in x)).toBe(false);
    expect(option.title.text).toContain(t.pivot.notStacked);
  });

  it('says on the pivot chart how many cells draw no bar because they may not be added', async () => {
    const g = await grid({ rows: ['subject'], columns: ['indicator'] }, { ...EMPTY_FILTERS, base_unit: ['percent'] });
    const option = buildPivotBarsOption(g, 'percent', false);
    const gaps = option.series.flatMap((x) => x.data).filter((d) => d.value === null).length;
    const refused = g.rows.flatMap((r) => r.cells).filter((c) => c?.refused).length;
    expect(gaps).toBeGreaterThan(0);
    expect(option.title.subtext).toBe(t.compare.refusedBars(gaps));
    expect(gaps).toBeLessThanOrEqual(refused);
  });

  it('stacks disjoint parts, and counts of facts', async () => {
    const parts = { ...byIndicator('选派党建服务专员数'), subject: ['经开区', '保税区', '高新区', '东疆保税港区', '生态城'] };
    const g = await grid({ rows: ['indicator'], columns: ['subject'] }, parts);
    expect(canStack(g, 'person')).toBe(true);
    const option = buildPivotBarsOption(g, 'person', true);
    expect(option.series.flatMap((x) => x.data.map((d) => d.value ?? 0)).reduce((a, b) => a + b, 0)).toBe(911);
    expect(canStack(await grid({ rows: ['category'], columns: ['kind'], measure: 'count' }), '')).toBe(true);
  });
});
