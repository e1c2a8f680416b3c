import { describe, expect, it } from 'vitest';
import { buildOverview, pickCharts, pickKpis } from '../../src/views/overview/build-overview';
import { SAMPLE_RECORDS } from '../util/sample-records';

describe('overview', () => {
  it('leads each theme with its largest amount, then its largest count', () => {
    const kpis = pickKpis(SAMPLE_RECORDS.filter((r) => r.category === 'investment'));
    expect(kpis.map((k) => k.id)).toEqual(['sample:0001', 'sample:0005', 'sample:0003']);
    const infra = pickKpis(SAMPLE_RECORDS.filter((r) => r.category === 'infrastructure'));
    expect(infra.map((k) => k.id)).toEqual(['sample:0007', 'sample:0004']);
  });

  it('never charts a unit with a single figure, and never mixes units', () => {
    const charts = pickCharts(SAMPLE_RECORDS.filter((r) => r.category === 'investment'));
    expect(charts.map((c) => c.baseUnit)).toEqual(['CNY']);
    expect(charts[0]?.figures.every((f) => f.base_unit === 'CNY')).toBe(true);
  });

  it('has a panel for every theme, empty ones included', () => {
    const panels = buildOverview(SAMPLE_RECORDS);
    expect(panels.map((p) => [p.theme.key, p.total])).toEqual([
      ['investment', 4], ['projects', 1], ['enterprises', 0], ['talent', 0], ['infrastructure', 2],
      ['education_health', 0], ['industry_finance', 1], ['discipline_party', 0],
    ]);
  });
});
