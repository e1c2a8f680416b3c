import { describe, expect, it } from 'vitest';
import { buildFigureBarsOption } from '../../src/views/shared/figure-bars-option';
import { buildGroupedBarsOption } from '../../src/views/compare/grouped-bars-option';
import { buildTreemapOption } from '../../src/views/compare/treemap-option';
import { buildPairsOption } from '../../src/views/compare/pairs-option';
import { findPairs } from '../../src/views/compare/pairs';
import { splitByUnit } from '../../src/views/compare/small-multiples';
import { SAMPLE_RECORDS, optionSnapshot, sample } from '../util/sample-records';

const cny = SAMPLE_RECORDS.filter((r) => r.base_unit === 'CNY');

describe('figure bars', () => {
  it('draws same-unit figures largest first in one 亿元 scale', async () => {
    const option = buildFigureBarsOption(cny, { title: '金额', baseUnit: 'CNY' });
    expect(option.xAxis.name).toBe('亿元');
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([0.235316, 262.48, 1975]);
    await expect(optionSnapshot(option)).toMatchFileSnapshot('__snapshots__/figure-bars.json');
  });

  it('refuses to put two units on one axis', () => {
    expect(() => buildFigureBarsOption(SAMPLE_RECORDS, { title: 'x', baseUnit: 'CNY' })).toThrow(/Cannot draw .* on a CNY axis/);
  });

  it('escapes document text in its tooltip', () => {
    const option = buildFigureBarsOption(cny, { title: '金额', baseUnit: 'CNY' });
    const html = option.tooltip.formatter({ data: { value: 0.2, figureId: 'sample:0008' } });
    expect(html).toContain('&lt;img src=x onerror=window.__xss=1&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('small multiples', () => {
  it('splits by base unit, money first, and keeps USD apart from CNY', () => {
    const groups = splitByUnit(SAMPLE_RECORDS, 2);
    expect(groups.map((g) => [g.baseUnit, g.total, g.figures.length])).toEqual([
      ['CNY', 3, 2], ['USD', 1, 1], ['count', 2, 2], ['m2', 1, 1], ['percent', 1, 1],
    ]);
    expect(groups[0]?.figures.map((f) => f.id)).toEqual(['sample:0001', 'sample:0003']);
  });
});

describe('grouped bars', () => {
  it('puts groups on x, series per second dimension, scaled per unit', async () => {
    const rows = [
      { key: '滨海新区', series: 'investment', base_unit: 'CNY', count: 2, total: 197500000000 },
      { key: '高新区', series: 'investment', base_unit: 'CNY', count: 1, total: 26248000000 },
      { key: '高新区', series: 'projects', base_unit: 'CNY', count: 1, total: 5e8 },
      { key: '滨海新区', series: 'projects', base_unit: 'count', count: 1, total: 905 },
    ];
    const option = buildGroupedBarsOption(rows, { title: 't', baseUnit: 'CNY', byDimension: 'subject', seriesDimension: 'category' });
    expect(option.xAxis.data).toEqual(['滨海新区', '高新区']);
    expect(option.series.map((s) => [s.name, s.data.map((d) => d.value)])).toEqual([
      ['招商引资与投资', [1975, 262.48]],
      ['项目', [0, 5]],
    ]);
    await expect(optionSnapshot(option)).toMatchFileSnapshot('__snapshots__/grouped-bars.json');
  });
});

describe('treemap', () => {
  it('sums CNY per category and refuses other units', async () => {
    const option = buildTreemapOption(cny, '金额');
    expect(option.series[0]?.data.map((d) => [d.name, d.value])).toEqual([['招商引资与投资', 2237.715316]]);
    expect(() => buildTreemapOption([sample('sample:0005')], 'x')).toThrow(/CNY only/);
    await expect(optionSnapshot(option)).toMatchFileSnapshot('__snapshots__/treemap.json');
  });
});

describe('before/after pairs', () => {
  const text = '企业由11家减少到5家，另有3家。';
  const fig = (id: string, value: number, start: number, end: number) => ({
    ...sample('sample:0002'), id, value, value_base: value, unit: '家', start, end, line: 1,
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
    const option = buildPairsOption(findPairs([a, b], text), 'count', '前后');
    expect(option.series.map((s) => s.data.map((d) => d.value))).toEqual([[11], [5]]);
    await expect(optionSnapshot(option)).toMatchFileSnapshot('__snapshots__/pairs.json');
  });
});

