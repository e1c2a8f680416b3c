import { describe, expect, it } from 'vitest';
import {
  barsTitle, compareBarsCharts, comparePairsCharts, compareTreemap, groupsTitle, pairsTitle, treemapTitle,
} from '../../src/views/compare/compare-charts';
import { SAMPLE_RECORDS } from '../util/sample-records';

describe('compare charts (shared by the compare view and the deck)', () => {
  it('titles the charts in the words the app shows', () => {
    expect(barsTitle('CNY', '亿元')).toBe('人民币（单位：亿元）');
    expect(groupsTitle('subject', 'person')).toBe('按主体汇总：人数');
    expect(treemapTitle(3, '协议投资额', '2021年1-10月')).toBe('协议投资额构成（2021年1-10月）：3 个数字');
    expect(pairsTitle('count')).toBe('前后对比：个数');
    // A unit without a Chinese name keeps its code.
    expect(pairsTitle('furlong')).toBe('前后对比：furlong');
  });

  it('draws one bar chart per unit, tall enough for its bars', () => {
    const charts = compareBarsCharts(SAMPLE_RECORDS);
    const units = [...new Set(SAMPLE_RECORDS.map((r) => r.base_unit))];
    expect(charts.map((c) => c.baseUnit).sort()).toEqual(units.sort());
    for (const chart of charts) {
      expect(chart.figures.every((f) => f.base_unit === chart.baseUnit)).toBe(true);
      expect(chart.option.title?.text).toBe(chart.title);
      expect(chart.title).toBe(barsTitle(chart.baseUnit, chart.unit));
      expect(chart.height).toBe(70 + chart.figures.length * 26);
    }
  });

  it('draws a treemap only of figures that may be added, and none without two of them', () => {
    // The sample's amounts and counts are all different indicators: none may be added to another.
    expect(compareTreemap(SAMPLE_RECORDS)).toBeNull();
    const [amount] = SAMPLE_RECORDS.filter((r) => r.base_unit === 'CNY');
    if (!amount) throw new Error('sample has no CNY amount');
    const same = [amount, { ...amount, id: 'x:2', fact_id: 'x:2', subject: '高新区', value_base: 5e8 }];
    const treemap = compareTreemap([...SAMPLE_RECORDS, same[1]!]);
    expect(treemap?.figures.map((f) => f.id)).toEqual(same.map((f) => f.id));
    expect(treemap?.spec.title).toBe(treemapTitle(2, amount.indicator, amount.period));
    expect(treemap?.composition.total).toBe(amount.value_base + 5e8);
    expect(treemap?.composition.others).toBeGreaterThan(0);
    expect(compareTreemap(SAMPLE_RECORDS.filter((r) => r.base_unit !== 'CNY'))).toBeNull();
    expect(compareTreemap([same[1]!, { ...same[1]!, id: 'x:3', fact_id: 'x:3', base_unit: 'USD' }])).toBeNull();
  });

  it('has no pairs chart without pairs', () => {
    expect(comparePairsCharts([])).toEqual([]);
  });
});
