/**
 * Canonical metrics, basis and data year on a fictional county's work reports over three years (written for
 * these tests): what each figure states, whether it is an outcome or a goal, and the year it describes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentPlace, extractFigures, relabelPlace, type FigureRow } from '../../src/extract/index';
import { METRICS, metricById, metricsCsv } from '../../src/extract/metrics';
import { timesInteger } from '../../src/extract/decimal';
import { guessMetadata } from '../../src/workspace/guess-metadata';

const fixture = (year: number) => readFileSync(new URL(`../fixtures/metrics/qingshui-${year}.txt`, import.meta.url), 'utf8');

/** The report of `year` extracted with the metadata its text suggests, as the app adds it. */
function report(year: number): { text: string; rows: FigureRow[] } {
  const text = fixture(year);
  const meta = guessMetadata(text);
  return { text, rows: extractFigures(text, { docId: `qs-${year}`, published: meta.published, place: meta.place, genre: meta.genre, title: meta.title }) };
}

/** The row written as `span` (number and unit) after `context` in the text. */
function at({ text, rows }: { text: string; rows: FigureRow[] }, context: string, span: string): FigureRow {
  const from = text.indexOf(context);
  expect(from, context).toBeGreaterThanOrEqual(0);
  const start = text.indexOf(span, from);
  const row = rows.find((r) => r.start === start);
  expect(row && text.slice(row.start, row.end), `${context} … ${span}`).toBe(span);
  return row as FigureRow;
}

const meaning = (r: FigureRow) => ({ metric: r.metric, basis: r.basis, data_year: r.data_year, value_base: r.value_base, place: r.place });

describe('the metadata a work report gives', () => {
  it('reads the date and place it was delivered at, and its genre, from the congress line', () => {
    const meta = guessMetadata(fixture(2021));
    expect([meta.published, meta.place, meta.genre]).toEqual(['2021-02-03', '清水县', 'work_report']);
  });
});

describe('metrics, basis and data year of a work report', () => {
  it('states last year’s outcomes under the review and this year’s goals under the plan', () => {
    const r = report(2021);
    expect(meaning(at(r, '地区生产总值完成', '120亿元'))).toEqual({ metric: 'gdp', basis: 'actual', data_year: 2020, value_base: '12000000000', place: '清水县' });
    expect(meaning(at(r, '地区生产总值完成', '6.5%'))).toMatchObject({ metric: 'gdp_growth', basis: 'actual', data_year: 2020 });
    expect(meaning(at(r, '一般公共预算收入完成', '8%'))).toMatchObject({ metric: 'public_budget_revenue_growth', data_year: 2020 });
    expect(meaning(at(r, '城镇登记失业率控制在', '3.5%'))).toMatchObject({ metric: 'urban_unemployment_rate', basis: 'actual', data_year: 2020 });
    expect(meaning(at(r, '城镇常住居民', '36000元'))).toMatchObject({ metric: 'urban_income_per_capita', basis: 'actual' });
    expect(meaning(at(r, '农村常住居民', '18000元'))).toMatchObject({ metric: 'rural_income_per_capita', basis: 'actual' });
    expect(meaning(at(r, '主要预期目标', '7%'))).toMatchObject({ metric: 'gdp_growth', basis: 'target', data_year: 2021 });
    expect(meaning(at(r, '主要预期目标', '3200人'))).toMatchObject({ metric: 'new_urban_jobs', basis: 'target', data_year: 2021 });
    expect(meaning(at(r, '主要预期目标', '4%'))).toMatchObject({ metric: 'urban_unemployment_rate', basis: 'target', data_year: 2021 });
  });

  it('converts 斤 to kilograms exactly', () => {
    expect(meaning(at(report(2021), '粮食产量', '4亿斤'))).toMatchObject({ metric: 'grain_output', value_base: '200000000' });
    expect(timesInteger('1.37', 5)).toBe('6.85');
    expect(timesInteger('0.001', 5)).toBe('0.005');
    expect(() => timesInteger('1', 0.5)).toThrow();
  });

  it('names no metric for other indicators next to one: re-employment, per-capita GDP, a sector’s jobs', () => {
    expect(at(report(2021), '再就业', '800人').metric).toBe('');
    expect(at(report(2021), '人均地区生产总值', '6万元').metric).toBe('');
    expect(at(report(2022), '商贸企业', '500人').metric).toBe('');
  });

  it('reads a dated outcome, an estimate, and a year’s goals', () => {
    const r = report(2022);
    expect(meaning(at(r, '2021年，地区生产总值', '130亿元'))).toMatchObject({ metric: 'gdp', basis: 'actual', data_year: 2021 });
    expect(meaning(at(r, '社会消费品零售总额预计', '53亿元'))).toMatchObject({ metric: 'retail_sales', basis: 'estimate', data_year: 2021 });
    expect(meaning(at(r, '今年的主要预期目标', '6.5%'))).toMatchObject({ metric: 'gdp_growth', basis: 'target', data_year: 2022 });
  });

  it('reads a five-year review: baselines, period totals, averages, and a goal years ahead', () => {
    const r = report(2023);
    expect(meaning(at(r, '由2017年的', '95亿元'))).toMatchObject({ metric: 'gdp', basis: 'actual', data_year: 2017 });
    expect(meaning(at(r, '增加到', '136亿元'))).toMatchObject({ metric: 'gdp', basis: 'actual', data_year: 2022 });
    expect(meaning(at(r, '年均增长', '7.2%'))).toMatchObject({ metric: 'gdp_growth', basis: 'actual', data_year: 2022 });
    expect(meaning(at(r, '累计完成全社会固定资产投资', '400亿元'))).toMatchObject({ metric: 'fixed_asset_investment', basis: 'plan_period_total', data_year: 2022 });
    expect(meaning(at(r, '五年新增就业', '1.5万人'))).toMatchObject({ metric: 'new_urban_jobs', basis: 'plan_period_total', value_base: '15000' });
    // A fall, kept as the figure's negative growth; the metric reads it as the size of the fall.
    expect(meaning(at(r, '能耗累计下降', '13%'))).toMatchObject({ metric: 'energy_intensity_reduction', basis: 'plan_period_total', value_base: '-13' });
    expect(metricById('energy_intensity_reduction')?.stated_as_fall).toBe(true);
    expect(meaning(at(r, '到2027年', '180亿元'))).toMatchObject({ metric: 'gdp', basis: 'target', data_year: 2027 });
  });

  it('gives one place × year series of a metric across the three reports', () => {
    const series = [2021, 2022, 2023].flatMap((y) => report(y).rows)
      .filter((r) => r.metric === 'gdp' && r.basis === 'actual' && r.data_year !== null && r.data_year >= 2020)
      .map((r) => [r.place, r.data_year, r.value_base]);
    expect(series).toEqual([['清水县', 2020, '12000000000'], ['清水县', 2021, '13000000000'], ['清水县', 2022, '13600000000'], ['清水县', 2022, '13600000000']]);
  });
});

describe('a report that is not a work report', () => {
  it('dates undated progress by its own date and takes goals only from its clause', () => {
    const text = '某某区关于2022年上半年整改进展情况的通报\n截至目前，全区5G基站累计达到5137个，统筹督查计划，培训干部1410人次。力争到2025年新增学位7110个。';
    const rows = extractFigures(text, { docId: 'r', published: '2022-08-04' });
    const by = (span: string) => rows.find((r) => text.slice(r.start, r.end) === span) as FigureRow;
    expect(meaning(by('5137个'))).toMatchObject({ metric: 'base_stations_5g', basis: 'actual', data_year: 2022, place: '某某区' });
    expect(by('1410人次').basis).toBe('actual');
    expect(meaning(by('7110个'))).toMatchObject({ basis: 'target', data_year: 2025 });
  });
});

describe('the metrics registry', () => {
  it('holds every metric the comparisons need, each phrasing naming one metric', () => {
    const ids = METRICS.map((m) => m.id);
    for (const id of ['gdp', 'gdp_growth', 'public_budget_revenue', 'public_budget_revenue_growth', 'fiscal_total_revenue',
      'fiscal_total_revenue_growth', 'fixed_asset_investment', 'fixed_asset_investment_growth', 'retail_sales', 'retail_sales_growth',
      'income_per_capita', 'urban_income_per_capita', 'rural_income_per_capita', 'new_urban_jobs', 'urban_unemployment_rate', 'cpi_growth',
      'foreign_trade', 'foreign_investment_actual', 'industrial_value_added_growth', 'grain_output', 'investment_attracted', 'rd_intensity',
      'energy_intensity_reduction']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    const named = METRICS.filter((m) => m.measure !== 'growth').flatMap((m) => m.phrasings);
    expect(new Set(named).size).toBe(named.length);
  });

  it('is what data/metrics.csv says (regenerate it with npm run extract)', () => {
    expect(readFileSync(new URL('../../data/metrics.csv', import.meta.url), 'utf8')).toBe(metricsCsv());
  });
});

describe('a reviewer’s corrections of the meaning', () => {
  it('set a figure’s metric, basis, data year and place, and refuse values that mean nothing', () => {
    const text = fixture(2022);
    const meta = guessMetadata(text);
    const start = text.indexOf('500人');
    const extract = (overrides: { field: 'metric' | 'basis' | 'data_year' | 'place'; value: string }[]) => extractFigures(text, {
      docId: 'qs', published: meta.published, place: meta.place, genre: meta.genre, overrides: overrides.map((o) => ({ doc_id: 'qs', start, ...o })),
    }).find((r) => r.start === start) as FigureRow;
    expect(meaning(extract([
      { field: 'metric', value: 'new_urban_jobs' }, { field: 'basis', value: 'estimate' }, { field: 'data_year', value: '2020' }, { field: 'place', value: '清水县商贸区' },
    ]))).toMatchObject({ metric: 'new_urban_jobs', basis: 'estimate', data_year: 2020, place: '清水县商贸区' });
    expect(extract([{ field: 'data_year', value: '' }]).data_year).toBeNull();
    expect(() => extract([{ field: 'metric', value: 'gdp_per_cat' }])).toThrow(/unknown metric/);
    expect(() => extract([{ field: 'basis', value: 'hope' }])).toThrow(/unknown basis/);
    expect(() => extract([{ field: 'data_year', value: '12' }])).toThrow(/no year/);
  });
});

describe('naming the place after extracting', () => {
  it('gives the figures extracting with that place gives, zones included', () => {
    const text = `${fixture(2022)}开发区固定资产投资完成50亿元，高新区固定资产投资完成45亿元。\n`;
    const meta = guessMetadata(text);
    const extract = (place: string) => extractFigures(text, { docId: 'qs', published: meta.published, place, genre: meta.genre });
    for (const [from, to] of [['', '清水县'], ['清水县', '青山县'], ['青山县', ''], ['清水县', '清水县']] as const) {
      const fromRows = extract(from);
      const wanted = extract(to);
      expect(relabelPlace(fromRows, documentPlace(text, { place: from }), documentPlace(text, { place: to }))).toEqual(wanted);
    }
    expect(extract('清水县').filter((r) => r.place !== '清水县').map((r) => r.place)).toEqual(['清水县开发区', '清水县高新区']);
  });
});
