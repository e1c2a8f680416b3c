import { describe, expect, it } from 'vitest';
import {
  barsTitle, compareBarsCharts, comparePairsCharts, compareTreemap, groupsTitle, pairsTitle, treemapTitle,
} from '../../src/views/compare/compare-charts';
import { SAMPLE_RECORDS } from '../util/sample-records';

describe('compare charts (shared by the compare view and the deck)', () => {
  it('titles the charts in the words the app shows', () => {
    expect(barsTitle('CNY', '亿元')).toBe('人民币（单位：亿元）');
    expect(groupsTitle('subject', 'person')).toBe('按主体汇总：人数');
    expect(treemapTitle(3)).toBe('人民币金额按类别（3 个数字）');
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

  it('sums only CNY in the treemap and has none without CNY', () => {
    const treemap = compareTreemap(SAMPLE_RECORDS);
    const cny = SAMPLE_RECORDS.filter((r) => r.base_unit === 'CNY');
    expect(treemap?.figures.map((f) => f.id)).toEqual(cny.map((f) => f.id));
    expect(treemap?.spec.title).toBe(treemapTitle(cny.length));
    expect(compareTreemap(SAMPLE_RECORDS.filter((r) => r.base_unit !== 'CNY'))).toBeNull();
  });

  it('has no pairs chart without pairs', () => {
    expect(comparePairsCharts([])).toEqual([]);
  });
});
