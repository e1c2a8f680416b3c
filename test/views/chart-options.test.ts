import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/zh';
import { buildFigureBarsOption } from '../../src/views/shared/figure-bars-option';
import { buildGroupedBarsOption } from '../../src/views/compare/grouped-bars-option';
import { buildTreemapOption, treemapComposition } from '../../src/views/compare/treemap-option';
import { buildPairsOption } from '../../src/views/compare/pairs-option';
import { findPairs } from '../../src/views/compare/pairs';
import { splitByUnit } from '../../src/views/compare/small-multiples';
import type { FigureRecord } from '../../src/data/figure-record';
import { SAMPLE_RECORDS, optionSnapshot, sample } from '../util/sample-records';

const records = SAMPLE_RECORDS;
const cny = records.filter((r) => r.base_unit === 'CNY');

/** A figure as the report writes it, based on sample 0001. */
const figure = (id: string, over: Partial<FigureRecord>): FigureRecord => ({ ...sample('sample:0001'), id, ...over });
/** 发放补贴 56.2万元 beside 协议投资额 1975亿元: one chart, one 亿元 axis. */
const small = figure('small', { value: 56.2, unit: '万元', value_base: 562000, indicator: '发放补贴' });
const big = figure('big', { value: 1975, unit: '亿元', value_base: 197500000000, indicator: '协议投资额' });
const about = figure('about', { value: 180, unit: '亿元', qualifier: '约', value_base: 18000000000, indicator: '投资总额' });
const firms = figure('firms', {
  value: 900, unit: '家', qualifier: '余', value_base: 900, base_unit: '家', kind: 'count', indicator: '参加对接企业数',
});

type LabelFormatter<D> = (p: { data: D; value: number }) => string;
/** What each bar of a series shows beside it, through the series' own label formatter. */
function barTexts<D extends { value: number }>(series: { data: D[]; label: { formatter: LabelFormatter<D> } }): string[] {
  return series.data.map((d) => series.label.formatter({ data: d, value: d.value }));
}

describe('figure bars', () => {
  it('draws same-unit figures largest first in one 亿元 scale', async () => {
    const option = buildFigureBarsOption(cny, { title: '金额', baseUnit: 'CNY' });
    expect(option.xAxis.name).toBe('亿元');
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([0.235316, 262.48, 1975]);
    await expect(optionSnapshot(option)).toMatchFileSnapshot('__snapshots__/figure-bars.json');
  });

  it('refuses to put two units on one axis', () => {
    expect(() => buildFigureBarsOption(records, { title: 'x', baseUnit: 'CNY' })).toThrow(/Cannot draw .* on a CNY axis/);
  });

  it('escapes document text in its tooltip', () => {
    const option = buildFigureBarsOption(cny, { title: '金额', baseUnit: 'CNY' });
    const html = option.tooltip.formatter({ data: { value: 0.2, figureId: 'sample:0008', valueText: '' } });
    expect(html).toContain('&lt;img src=x onerror=window.__xss=1&gt;');
    expect(html).not.toContain('<img');
  });

  it('labels a small amount in its own magnitude beside large ones, never as 0.01 of the axis scale', () => {
    const option = buildFigureBarsOption([big, small], { title: '金额', baseUnit: 'CNY' });
    expect(option.xAxis.name).toBe('亿元');
    const [series] = option.series;
    if (!series) throw new Error('no series');
    expect(barTexts(series)).toEqual(['56.2万元', '1975亿元']);
    const tooltip = option.tooltip.formatter({ data: series.data[0]! });
    // The figure as written, then where it sits on the 亿元 axis: two significant digits, not 0.01 or 0.
    expect(tooltip).toContain('56.2万元（0.0056亿元）');
    expect(option.tooltip.formatter({ data: series.data[1]! })).toContain('1975亿元<br/>');
  });

  it('keeps the qualifier as written in labels and tooltips', () => {
    const money = buildFigureBarsOption([about, big], { title: '金额', baseUnit: 'CNY' });
    expect(barTexts(money.series[0]!)).toEqual(['约180亿元', '1975亿元']);
    const counts = buildFigureBarsOption([firms, { ...firms, id: 'more', value: 5, value_base: 5, qualifier: '' }], {
      title: '企业', baseUnit: '家',
    });
    expect(counts.xAxis.name).toBe('家');
    expect(barTexts(counts.series[0]!)).toEqual(['5家', '900余家']);
    expect(counts.tooltip.formatter({ data: counts.series[0]!.data[1]! })).toContain('900余家');
    const ages = buildFigureBarsOption(
      [figure('age', { value: 42, unit: '岁', qualifier: '以下', value_base: 42, base_unit: 'year_of_age', indicator: '干部年龄上限' })],
      { title: '年龄', baseUnit: 'year_of_age' },
    );
    expect(barTexts(ages.series[0]!)).toEqual(['42岁以下']);
  });

  it('names the subject only where bars of one indicator differ by it', () => {
    const option = buildFigureBarsOption(
      [big, figure('b', { indicator: '协议投资额', subject: '高新区', value_base: 1e9 }), figure('c', { indicator: '到位资金', subject: '生态城', value_base: 5e9 })],
      { title: '金额', baseUnit: 'CNY' },
    );
    expect(option.yAxis.data).toEqual(['协议投资额·高新区', '到位资金', '协议投资额·滨海新区']);
  });
});

describe('small multiples', () => {
  it('splits by base unit, money first, and keeps USD apart from CNY', () => {
    const groups = splitByUnit(records, 2);
    expect(groups.map((g) => [g.baseUnit, g.total, g.figures.length])).toEqual([
      ['CNY', 3, 2], ['USD', 1, 1], ['m2', 1, 1], ['个', 2, 2], ['percent', 1, 1],
    ]);
    expect(groups[0]?.figures.map((f) => f.id)).toEqual(['sample:0001', 'sample:0003']);
  });

  it('labels bars alike in every chart: no chart leaves its own usual subject unnamed', () => {
    // Money mostly of 滨海新区; the enterprises all of 生态城. Side by side, an unnamed subject would read as the same.
    const figures = [
      big, figure('m2', { indicator: '到位资金', value_base: 5e9 }), figure('m3', { indicator: '税收', subject: '高新区', value_base: 1e8 }),
      { ...firms, id: 'e1', subject: '生态城' }, { ...firms, id: 'e2', subject: '生态城', indicator: '新设企业数', value_base: 100 },
    ];
    const labels = splitByUnit(figures, 10).map((g) => buildFigureBarsOption(g.figures, { title: 't', baseUnit: g.baseUnit }).yAxis.data);
    expect(labels).toEqual([['税收', '到位资金', '协议投资额'], ['新设企业数', '参加对接企业数']]);
  });
});

describe('grouped bars', () => {
  it('puts groups on x, series per second dimension, scaled per unit', async () => {
    const rows = [
      { key: '滨海新区', series: 'investment', base_unit: 'CNY', count: 2, total: 197500000000, refused: null, qualifier: '' },
      { key: '高新区', series: 'investment', base_unit: 'CNY', count: 1, total: 26248000000, refused: null, qualifier: '' },
      { key: '高新区', series: 'projects', base_unit: 'CNY', count: 1, total: 5e8, refused: null, qualifier: '' },
      { key: '滨海新区', series: 'projects', base_unit: '个', count: 1, total: 905, refused: null, qualifier: '' },
    ];
    const option = buildGroupedBarsOption(rows, { title: 't', baseUnit: 'CNY', byDimension: 'subject', seriesDimension: 'category' });
    expect(option.xAxis.data).toEqual(['滨海新区', '高新区']);
    expect(option.series.map((s) => [s.name, s.data.map((d) => d.value)])).toEqual([
      ['招商引资与投资', [1975, 262.48]],
      ['项目', [0, 5]],
    ]);
    await expect(optionSnapshot(option)).toMatchFileSnapshot('__snapshots__/grouped-bars.json');
  });

  it('draws no bar for a group whose figures must not be added, and says why', () => {
    const rows = [
      { key: '滨海新区', series: '', base_unit: 'CNY', count: 4, total: null, refused: 'indicators' as const, qualifier: '' },
      { key: '高新区', series: '', base_unit: 'CNY', count: 1, total: 26248000000, refused: null, qualifier: '' },
    ];
    const option = buildGroupedBarsOption(rows, { title: 't', baseUnit: 'CNY', byDimension: 'subject', seriesDimension: null });
    const [series] = option.series;
    expect(option.xAxis.data).toEqual(['高新区', '滨海新区']);
    expect(series?.data.map((d) => d.value)).toEqual([262.48, null]);
    const refused = series?.data.find((d) => d.value === null);
    const tip = option.tooltip.formatter({ name: '滨海新区', seriesName: '', data: refused as never });
    expect(tip).toContain('不同指标的数字不能相加');
    expect(option.title.subtext).toBe(t.compare.refusedBars(1));
  });

  it('tells a small sum in its own magnitude beside sums in 亿元', () => {
    const rows = [
      { key: '滨海新区', series: 'investment', base_unit: 'CNY', count: 1, total: 197500000000, refused: null, qualifier: '' },
      { key: '街镇', series: 'investment', base_unit: 'CNY', count: 1, total: 562000, refused: null, qualifier: '' },
    ];
    const option = buildGroupedBarsOption(rows, { title: 't', baseUnit: 'CNY', byDimension: 'subject', seriesDimension: null });
    expect(option.yAxis.name).toBe('亿元');
    const [series] = option.series;
    const tip = (i: number) => option.tooltip.formatter({ name: option.xAxis.data[i]!, seriesName: series!.name, data: series!.data[i]! });
    expect(tip(1)).toContain('56.2万元');
    expect(tip(1)).not.toMatch(/0\.01|>0亿/);
    expect(tip(0)).toContain('1,975亿元');
  });
});

describe('treemap', () => {
  it('draws one composition whose root is the honest sum: a repeated fact once, a total drawn as its parts', () => {
    const total = figure('t', { indicator: '协议投资额', value_base: 120e8, fact_id: 't', subject: '开发区' });
    const parts = [
      figure('p1', { indicator: '协议投资额', value_base: 60e8, fact_id: 'p1', part_of: 't', subject: '经开区' }),
      figure('p2', { indicator: '协议投资额', value_base: 40e8, fact_id: 'p2', part_of: 't', subject: '保税区' }),
    ];
    const again = figure('t-again', { indicator: '协议投资额', value_base: 120e8, fact_id: 't', subject: '开发区' });
    const other = figure('o', { indicator: '到位资金', value_base: 7e8, fact_id: 'o' });
    const composition = treemapComposition([total, ...parts, again, other]);
    expect([composition?.total, composition?.remainder, composition?.others]).toEqual([120e8, 20e8, 1]);
    expect(composition?.figures.map((f) => f.id)).toEqual(['p1', 'p2']);
    const drawn = buildTreemapOption(composition ?? { figures: [], remainder: 0 }, 'x').series[0]?.data ?? [];
    // The root the treemap draws (its pieces and the unlisted rest) is the honest total: 120亿, never 220亿.
    expect(drawn.reduce((sum, d) => sum + d.value, 0)).toBe(120);
    expect(drawn.map((d) => d.name)).toContain('其余（未列明）');
    // Without the total, its parts alone are the composition.
    expect(treemapComposition([...parts, other])?.total).toBe(100e8);
    // Different indicators are never one composition.
    expect(treemapComposition([total, other])).toBeNull();
  });

  it('groups one composition by subject and refuses a second unit', async () => {
    const own = cny.map((f) => ({ ...f, indicator: '协议投资额' }));
    const option = buildTreemapOption({ figures: own, remainder: 0 }, '金额');
    expect(option.series[0]?.data.map((d) => [d.name, d.value])).toEqual([['滨海新区', 1975], ['高新区', 262.48], ["Robert'); DROP TABLE figures;--", 0.235316]]);
    expect(() => buildTreemapOption({ figures: [...own, sample('sample:0005')], remainder: 0 }, 'x')).toThrow(/one unit only/);
    await expect(optionSnapshot(option)).toMatchFileSnapshot('__snapshots__/treemap.json');
  });
});

describe('before/after pairs', () => {
  const text = '企业由11家减少到5家，另有3家。';
  const fig = (id: string, value: number, start: number, end: number) => ({
    ...sample('sample:0002'), id, value, value_base: value, unit: '家', base_unit: '家', start, end, line: 1,
  });
  const a = fig('a', 11, 3, 6);
  const b = fig('b', 5, 9, 11);
  const c = fig('c', 3, 14, 16);

  it('finds “由 A … 到 B” and nothing else', () => {
    expect(text.slice(a.start, a.end)).toBe('11家');
    expect(text.slice(b.start, b.end)).toBe('5家');
    const pairs = findPairs([c, b, a], text);
    expect(pairs.map((p) => [p.before.id, p.after.id, p.link])).toEqual([['a', 'b', '减少到']]);
  });

  it('draws before and after as two series', async () => {
    const option = buildPairsOption(findPairs([a, b], text), '家', '前后');
    expect(option.xAxis.name).toBe('家');
    expect(option.series.map((s) => s.data.map((d) => d.value))).toEqual([[11], [5]]);
    expect(option.series.map((s) => barTexts(s))).toEqual([['11家'], ['5家']]);
    await expect(optionSnapshot(option)).toMatchFileSnapshot('__snapshots__/pairs.json');
  });

  it('labels each bar as written, qualifier and magnitude kept, on one 亿元 axis', () => {
    const before = figure('p1', { value: 56.2, unit: '万元', value_base: 562000, qualifier: '约', line: 1 });
    const after = figure('p2', { value: 12, unit: '亿元', value_base: 1.2e9, qualifier: '余', line: 1 });
    const option = buildPairsOption([{ before, after, link: '增长到' }], 'CNY', '前后');
    expect(option.xAxis.name).toBe('亿元');
    expect(option.series.map((s) => barTexts(s))).toEqual([['约56.2万元'], ['12余亿元']]);
    expect(option.yAxis.data).toEqual(['协议投资额']);
    const [first] = option.series;
    expect(option.tooltip.formatter({ name: '协议投资额', seriesName: first!.name, data: first!.data[0]! })).toContain('之前：约56.2万元');
  });
});

