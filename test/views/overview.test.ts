import { describe, expect, it } from 'vitest';
import { buildOverview, pickCharts, pickKpis } from '../../src/views/overview/build-overview';
import { SAMPLE_RECORDS } from '../util/sample-records';

describe('overview', () => {
  it('leads each theme with its largest amount, then its largest count', () => {
    const kpis = pickKpis(SAMPLE_RECORDS.filter((r) => r.category === 'investment'));
    expect(kpis.map((k) => k.id)).toEqual(['sample:0001', 'sample:0005', 'sample:0003']);
    const infra = pickKpis(SAMPLE_RECORDS.filter((r) => r.category === 'infrastructure'));
    expect(infra.map((k) => k.id)).toEqual(['sample:0004', 'sample:0007']);
  });

  it('never charts a unit with a single figure, and never mixes units', () => {
    const charts = pickCharts(SAMPLE_RECORDS.filter((r) => r.category === 'investment'));
    expect(charts.map((c) => c.baseUnit)).toEqual(['CNY']);
    expect(charts[0]?.figures.every((f) => f.base_unit === 'CNY')).toBe(true);
  });

  it('shows money before counts even when counts are more numerous', () => {
    const [amount, count] = [SAMPLE_RECORDS[0]!, SAMPLE_RECORDS[1]!];
    const figures = [
      amount, { ...amount, id: 'm2', value_base: 5 },
      count, { ...count, id: 'c2' }, { ...count, id: 'c3' }, { ...count, id: 'c4' },
    ];
    expect(pickCharts(figures).map((c) => [c.baseUnit, c.figures.length])).toEqual([['CNY', 2], ['个', 4]]);
  });

  it('leads with the measure word a theme uses most, and never with a rate', () => {
    const [count] = [SAMPLE_RECORDS[1]!];
    const figures = [
      { ...count, id: 's1', fact_id: 's1', base_unit: '场', unit: '场', value_base: 900, indicator: '对接会数' },
      { ...count, id: 'j1', fact_id: 'j1', base_unit: '家', unit: '家', value_base: 5, indicator: '企业数' },
      { ...count, id: 'j2', fact_id: 'j2', base_unit: '家', unit: '家', value_base: 3, indicator: '新增企业数' },
      { ...count, id: 'r1', fact_id: 'r1', base_unit: 'percent', agg: 'non_additive', value_base: 99, indicator: '占比' },
    ];
    expect(pickKpis(figures).map((k) => k.id)).toEqual(['j1', 's1', 'j2']);
    expect(pickCharts(figures).map((c) => c.baseUnit)).toEqual(['家']);
  });

  it('has a panel for every theme, empty ones included', () => {
    const panels = buildOverview(SAMPLE_RECORDS);
    expect(panels.map((p) => [p.theme.key, p.total])).toEqual([
      ['investment', 4], ['projects', 1], ['enterprises', 0], ['talent', 0], ['infrastructure', 2],
      ['education_health', 0], ['industry_finance', 1], ['discipline_party', 0],
    ]);
  });
});
