import { describe, expect, it } from 'vitest';
import { canonicalDecimal, scoreStatements, type Statement } from '../../src/eval/score';

const s = (line: number, metric: string, value: string, basis = 'actual', data_year: number | null = 2020): Statement =>
  ({ doc: 'a.txt', line, metric, value, basis, data_year, quote: '' });

describe('scoring metric statements against a gold list', () => {
  it('reads one decimal however it is written', () => {
    expect(['6.0', '06', '-0', '120', '12000000000.000', '-8.10', '0.50'].map(canonicalDecimal)).toEqual(['6', '6', '0', '120', '12000000000', '-8.1', '0.5']);
  });

  it('matches one to one by line, metric and value, and counts recall, precision and agreement on the matches', () => {
    const gold = [s(1, 'gdp', '120'), s(1, 'gdp_growth', '6.5'), s(2, 'gdp', '130', 'target', 2021), s(3, 'cpi_growth', '2')];
    const predicted = [s(1, 'gdp', '120.0'), s(1, 'gdp_growth', '6.5', 'actual', 2019), s(2, 'gdp', '130', 'actual', 2021), s(2, 'gdp', '130'), s(9, 'gdp', '1')];
    const score = scoreStatements(gold, predicted);
    expect(score.overall).toMatchObject({ gold: 4, predicted: 5, matched: 3, recall: 0.75, precision: 0.6 });
    expect(score.missed.map((m) => m.metric)).toEqual(['cpi_growth']);
    expect(score.extra.map((m) => [m.line, m.basis])).toEqual([[2, 'actual'], [9, 'actual']]);
    expect(score.basisAgreement).toBeCloseTo(2 / 3);
    expect(score.dataYearAgreement).toBeCloseTo(2 / 3);
    expect(score.byMetric.find((m) => m.metric === 'gdp')).toEqual({ metric: 'gdp', gold: 2, predicted: 4, matched: 2 });
  });

  it('prefers, among equal keys, the statement that agrees on basis and year', () => {
    const score = scoreStatements([s(1, 'gdp', '5', 'target', 2021)], [s(1, 'gdp', '5', 'actual', 2020), s(1, 'gdp', '5', 'target', 2021)]);
    expect(score.disagreements).toEqual([]);
    expect(score.extra).toHaveLength(1);
  });
});
