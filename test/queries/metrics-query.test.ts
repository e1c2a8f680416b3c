/**
 * A metric across reports, in the engine: the fictional county's three work reports (test/fixtures/metrics) are
 * loaded as a workspace, and each metric's series, goals against outcomes and checks are read back.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFigures, toFiguresCsv } from '../../src/extract/index';
import { metricById } from '../../src/extract/metrics';
import { appendReport, loadTables } from '../../src/db';
import { sql } from '../../src/sql';
import { metricChecks } from '../../src/queries/metric-checks';
import {
  fetchAllSeries, fetchMetricCounts, fetchMetricPlaces, fetchMetricSeries, fetchMetricTrend, seriesOf, shownPlaces, type MetricPoint, type MetricStatement,
} from '../../src/queries/metrics-query';
import { guessMetadata } from '../../src/workspace/guess-metadata';
import { renderSlide, SlideGoneError, type SlideSources } from '../../src/views/deck/slide-renderers';
import {
  buildMetricOption, METRIC_CHART_PREFIX, metricChartId, otherValues, parseMetricChartId,
} from '../../src/views/metrics/metric-chart';
import { createTestEngine } from '../util/test-db';

let engine: Awaited<ReturnType<typeof createTestEngine>>;

/** The fixture reports (and any extra text) extracted as the app adds them, loaded as the workspace. */
async function loadReports(extra: { id: string; text: string }[] = []) {
  const texts = [2021, 2022, 2023].map((y) => ({ id: `qs-${y}`, text: readFileSync(new URL(`../fixtures/metrics/qingshui-${y}.txt`, import.meta.url), 'utf8') }));
  const docs = ['doc_id,title,publisher,published,url,file,place,genre'];
  const rows = [...texts, ...extra].flatMap(({ id, text }) => {
    const meta = guessMetadata(text);
    docs.push(`${id},清水县政府工作报告 ${meta.published.slice(0, 4)},清水县人民政府,${meta.published},,,${meta.place},${meta.genre}`);
    return extractFigures(text, { docId: id, published: meta.published, place: meta.place, genre: meta.genre, title: meta.title });
  });
  await loadTables(engine, { figuresCsv: toFiguresCsv(rows), documentsCsv: `${docs.join('\n')}\n` });
}

beforeAll(async () => {
  engine = await createTestEngine();
  await loadReports();
});

describe('a metric across reports', () => {
  it('lists the metrics the workspace states, with how many statements each has', async () => {
    const counts = await fetchMetricCounts(engine.runner);
    expect(counts.find((c) => c.metric.id === 'gdp')?.count).toBe(6);
    expect(counts.map((c) => c.metric.id)).not.toContain('investment_agreed');
  });

  it('gives one point per place, year and basis, each with the sentence it comes from', async () => {
    const gdp = await fetchMetricSeries(engine.runner, 'gdp');
    expect(gdp.points.map((p) => [p.data_year, p.basis, p.value, p.count, p.conflicting])).toEqual([
      [2017, 'actual', 9_500_000_000, 1, false],
      [2020, 'actual', 12_000_000_000, 1, false],
      [2021, 'actual', 13_000_000_000, 1, false],
      // Stated twice in the 2023 report, with one value: one point, no conflict.
      [2022, 'actual', 13_600_000_000, 2, false],
      [2027, 'target', 18_000_000_000, 1, false],
    ]);
    expect(gdp.points[1]?.figure).toMatchObject({ doc_id: 'qs-2021', quote: '地区生产总值完成120亿元', published: '2021-02-03' });
    expect(gdp.places).toEqual(['清水县']);
  });

  it('reads a fall as the size of the reduction', async () => {
    const energy = await fetchMetricSeries(engine.runner, 'energy_intensity_reduction');
    expect(energy.points.map((p) => [p.basis, p.value])).toEqual([['plan_period_total', 13]]);
  });

  it('sets each goal beside the outcome the next report states: met, missed, by how much', async () => {
    const growth = await fetchMetricSeries(engine.runner, 'gdp_growth');
    expect(growth.targets.map((t) => [t.data_year, t.target.value, t.actual.value, t.difference, t.met])).toEqual([
      // 7%左右 is met by 6.8% (within the rounding of what was written); 6.5% is missed by 4%.
      [2021, 7, 6.8, -0.2, true],
      [2022, 6.5, 4, -2.5, false],
    ]);
    // A ceiling (unemployment within 4%) is met below it; inflation's goal is a ceiling whatever its wording.
    const unemployment = seriesOf(metricById('urban_unemployment_rate')!, [
      point({ basis: 'target', value: 4, written: '4', qualifier: '以下', published: '2021-02-03' }),
      point({ basis: 'actual', value: 3.6, written: '3.6', published: '2022-02-10' }),
    ]);
    expect(unemployment.targets.map((t) => [t.upperBound, t.met])).toEqual([[true, true]]);
    const inflation = seriesOf(metricById('cpi_growth')!, [
      point({ basis: 'target', value: 3, written: '3', qualifier: '约', published: '2021-02-03' }),
      point({ basis: 'actual', value: 2, written: '2', published: '2022-02-10' }),
    ]);
    expect(inflation.targets.map((t) => [t.upperBound, t.met, t.difference])).toEqual([[true, true, -1]]);
  });
});

/** A hand-made point of 2021 (one statement) for the goals against outcomes. */
function point(over: Partial<MetricStatement>): MetricPoint {
  const figure: MetricStatement = {
    id: 'x', doc_id: 'd', doc_title: 't', published: '2021-01-01', place: '清水县', data_year: 2021, basis: 'actual', value: 1, exact: String(over.value ?? 1),
    written: '1', qualifier: '', base_unit: 'percent', quote: '', ...over,
  };
  return {
    place: figure.place, data_year: figure.data_year, basis: figure.basis, base_unit: figure.base_unit, average: false, value: figure.value, figure,
    count: 1, reports: 1, conflicting: false, ambiguous: false, statements: [figure],
  };
}

describe('checks that the numbers agree', () => {
  it('raises nothing on the county’s consistent reports but the goals they missed', async () => {
    const { checks, notApplicable } = metricChecks(await fetchAllSeries(engine.runner));
    expect(checks.filter((c) => c.kind !== 'target').map((c) => [c.metric.id, c.data_year, c.statements.map((s) => s.quote)])).toEqual([]);
    expect(checks.map((c) => [c.metric.id, c.data_year])).toEqual([['gdp_growth', 2022], ['public_budget_revenue_growth', 2022]]);
    // GDP growth is at constant prices: its statements are counted as not checkable, not checked.
    expect(notApplicable.constantPrices).toBe(3);
  });

  it('finds a growth rate the two years’ values cannot give, and one value stated two ways', async () => {
    await loadReports([{
      id: 'qs-2022b',
      text: '政 府 工 作 报 告\n\n——2022年3月1日在清水县第九届人民代表大会第七次会议上\n\n一、2021年工作回顾\n\n一般公共预算收入完成11亿元，同比增长30%。全社会固定资产投资完成90亿元。'
        + '开发区固定资产投资完成50亿元，高新区固定资产投资完成45亿元。\n',
    }]);
    try {
      const { checks } = metricChecks(await fetchAllSeries(engine.runner));
      const growth = checks.find((c) => c.kind === 'growth');
      expect(growth).toMatchObject({ place: '清水县', data_year: 2021 });
      expect(growth?.statements.map((s) => s.value)).toEqual([30, 1_100_000_000, 1_000_000_000]);
      expect(growth?.arithmetic).toContain('所述增长 30%');
      // The 2022 report's investment growth (9.5%) agrees with its own 88亿元 for 2021: the restatement to 90亿元
      // is flagged as such, not as a growth the values cannot give.
      expect(checks.filter((c) => c.kind === 'growth').map((c) => c.metric.id)).toEqual(['public_budget_revenue_growth']);
      // Its zones' investment (50 + 45亿元) exceeds the county's own (90亿元).
      const parts = checks.find((c) => c.kind === 'parts');
      expect(parts?.statements.map((s) => [s.place, s.value])).toEqual([['清水县', 9_000_000_000], ['清水县开发区', 5_000_000_000], ['清水县高新区', 4_500_000_000]]);
      expect(parts?.arithmetic).toBe('清水县开发区 50亿元 + 清水县高新区 45亿元 = 95亿元，超过清水县的 90亿元');
      // The second report restates 2021's investment and budget growth with other values: both flagged.
      const restated = checks.filter((c) => c.kind === 'restated');
      expect(restated.map((c) => [c.metric.id, c.statements.map((s) => s.value)])).toEqual([
        ['public_budget_revenue_growth', [10, 30]],
        ['fixed_asset_investment', [8_800_000_000, 9_000_000_000]],
      ]);
      // The 指标 view's trend: every place listed, the drawn ones' points read, and both reports' statements of
      // the restated point come with it.
      const trend = await fetchMetricTrend(engine.runner, 'fixed_asset_investment', ['清水县']);
      expect((await fetchMetricPlaces(engine.runner, 'fixed_asset_investment')).map((p) => p.place))
        .toEqual(['清水县', '清水县高新区', '清水县开发区'].sort((a, b) => a.localeCompare(b, 'zh')));
      expect(new Set(trend.points.map((p) => p.place))).toEqual(new Set(['清水县']));
      const restatedPoint = trend.points.find((p) => p.data_year === 2021 && p.basis === 'actual');
      expect(restatedPoint?.conflicting).toBe(true);
      expect(restatedPoint?.statements.map((s) => [s.doc_id, s.value])).toEqual([['qs-2022', 8_800_000_000], ['qs-2022b', 9_000_000_000]]);
      expect(trend.points.filter((p) => !p.conflicting).every((p) => p.statements.length === 1 && p.statements[0] === p.figure)).toBe(true);
      // Both values are on the chart: the line through the latest report's, the other report's beside it.
      expect(restatedPoint?.figure.doc_id).toBe('qs-2022b');
      const option = buildMetricOption(trend) as { series: { type: string; name: string; data: { value: [number, number]; figureId: string }[] }[] };
      const line = option.series.find((x) => x.type === 'line' && x.name === '实际');
      expect(line?.data.find((d) => d.value[0] === 2021)?.value).toEqual([2021, 90]);
      const others = option.series.filter((x) => x.type === 'scatter');
      expect(others.map((x) => [x.name, x.data.map((d) => d.value)])).toEqual([['其他报告所述（不一致）', [[2021, 88]]]]);
      expect(others[0]?.data[0]?.figureId).toBe(restatedPoint?.statements.find((x) => x.doc_id === 'qs-2022')?.id);
      expect(otherValues(restatedPoint!).map((x) => x.doc_id)).toEqual(['qs-2022']);
      // A point they agree on draws no second mark.
      expect(trend.points.filter((p) => !p.conflicting).flatMap(otherValues)).toEqual([]);
      const zone = await fetchMetricTrend(engine.runner, 'fixed_asset_investment', ['清水县开发区']);
      expect(zone.points.map((p) => [p.place, p.value, p.conflicting])).toEqual([['清水县开发区', 5_000_000_000, false]]);
    } finally {
      await loadReports();
    }
  });
});

describe('the shipped report', () => {
  it('raises no check', async () => {
    const engineB = await createTestEngine();
    await loadTables(engineB, {
      figuresCsv: readFileSync(new URL('../../data/figures.csv', import.meta.url), 'utf8'),
      documentsCsv: readFileSync(new URL('../../data/documents.csv', import.meta.url), 'utf8'),
    });
    const series = await fetchAllSeries(engineB.runner);
    expect([...series.keys()].length).toBeGreaterThan(0);
    expect(metricChecks(series).checks).toEqual([]);
  });
});

describe('the metric chart', () => {
  it('draws outcomes solid and goals dashed on a year axis, one metric (one unit) per chart', async () => {
    const option = buildMetricOption(await fetchMetricSeries(engine.runner, 'gdp_growth')) as {
      series: { name: string; lineStyle: { type: string }; symbol: string; data: { value: [number, number]; figureId: string }[] }[];
      yAxis: { name: string }; xAxis: { type: string; min: number; max: number };
    };
    expect(option.series.map((s) => [s.name, s.lineStyle.type, s.symbol])).toEqual([['实际', 'solid', 'circle'], ['目标', 'dashed', 'emptyCircle']]);
    // The five-year average (年均增长7.2%) is no year's own value: listed in the table, not drawn.
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([[2020, 6.5], [2021, 6.8], [2022, 4]]);
    expect(option.series[1]?.data.map((d) => d.value)).toEqual([[2021, 7], [2022, 6.5], [2023, 6]]);
    expect(option.yAxis.name).toBe('%');
    expect([option.xAxis.type, option.xAxis.min, option.xAxis.max]).toEqual(['value', 2020, 2023]);
    expect(option.series[0]?.data.every((d) => d.figureId.startsWith('qs-'))).toBe(true);
  });

  it('is pinned and rebuilt in the deck from its id alone', async () => {
    const sources: SlideSources = { runner: engine.runner, sourceText: () => Promise.reject(new Error('unused')) };
    const rendered = await renderSlide({ id: 's', chartId: `${METRIC_CHART_PREFIX}gdp`, title: 't', query: '?view=metrics&metric=gdp' }, sources);
    expect(rendered.spec.title).toBe('地区生产总值（亿元） · 清水县');
    expect(rendered.spec.table?.rows.length).toBe(5);
    await expect(renderSlide({ id: 's', chartId: `${METRIC_CHART_PREFIX}no_such`, title: 't', query: '' }, sources)).rejects.toThrow(SlideGoneError);
  });
});

describe('the places a metric chart draws', () => {
  it('are the eight with the most points unless the analyst picks, and the chart id carries a pick to the deck', () => {
    const names = ['甲县', '乙县', '丙县', '丁县', '戊县', '己县', '庚县', '辛县', '壬县', '癸县'];
    const places = names.map((place, i) => ({ place, points: i === 9 ? 3 : 1 }));
    const shown = shownPlaces(places, []);
    expect(shown).toHaveLength(8);
    expect(shown[0]).toBe('癸县');
    expect(shownPlaces(places, ['乙县', '不存在'])).toEqual(['乙县']);
    const id = metricChartId('gdp_growth', ['乙县', '丙县']);
    expect(id).toBe(`${METRIC_CHART_PREFIX}gdp_growth:乙县|丙县`);
    expect(parseMetricChartId(id.slice(METRIC_CHART_PREFIX.length))).toEqual({ metric: 'gdp_growth', picked: ['乙县', '丙县'] });
    expect(parseMetricChartId('gdp')).toEqual({ metric: 'gdp', picked: [] });
  });
});

describe('the places a trend draws by default', () => {
  it('are picked by the engine as shownPlaces picks them: the most stated, ties in the engine’s text order', async () => {
    // Ten counties, two of them stating a goal too; pinyin order (阿 before 白) and text order (白 before 阿) differ.
    const counties = ['阿县', '白县', '蔡县', '邓县', '鄂县', '范县', '葛县', '韩县', '嵇县', '柯县'];
    await loadReports(counties.map((county, i) => ({
      id: `c${i}`,
      text: `政 府 工 作 报 告\n\n——2022年3月1日在${county}第九届人民代表大会第七次会议上\n\n一、2021年工作回顾\n\n地区生产总值完成${100 + i}亿元。\n\n`
        + (i === 3 || i === 7 ? `二、2022年工作安排\n\n地区生产总值达到${120 + i}亿元。\n` : ''),
    })));
    try {
      const trend = await fetchMetricTrend(engine.runner, 'gdp', []);
      const places = await fetchMetricPlaces(engine.runner, 'gdp');
      expect(places.map((p) => p.place)).toContain('阿县');
      const drawn = [...new Set(trend.points.map((p) => p.place))];
      expect(drawn).toHaveLength(8);
      expect(new Set(drawn)).toEqual(new Set(shownPlaces(places, [])));
      expect(trend.places).toEqual(shownPlaces(places, []));
      // The fixture county's five points first, then the two counties with a goal too (邓 U+9093 before 韩 U+97E9).
      expect(trend.places.slice(0, 3)).toEqual(['清水县', '邓县', '韩县']);
      // A pick this metric has no place of (a link made for another metric) draws the default places.
      const elsewhere = await fetchMetricTrend(engine.runner, 'gdp', ['不存在的县']);
      expect(elsewhere.places).toEqual(trend.places);
      expect(elsewhere.points.length).toBe(trend.points.length);
    } finally {
      await loadReports();
    }
  });
});

describe('appending a report', () => {
  it('updates the metric tables to what a full load of the same reports holds (only the points it touches are computed again)', async () => {
    const year = 2023;
    const text = readFileSync(new URL(`../fixtures/metrics/qingshui-${year}.txt`, import.meta.url), 'utf8');
    const meta = guessMetadata(text);
    const rows = extractFigures(text, { docId: `qs-${year}`, published: meta.published, place: meta.place, genre: meta.genre, title: meta.title });
    const header = 'doc_id,title,publisher,published,url,file,place,genre';
    const points = async () => JSON.stringify(await engine.query(sql`SELECT * FROM figures_metric_points ORDER BY ALL`));
    const statementsNow = async () => JSON.stringify(await engine.query(sql`SELECT * EXCLUDE (value_base) FROM figures_metrics ORDER BY id`));
    await loadReports();
    const [fullPoints, fullStatements] = [await points(), await statementsNow()];
    try {
      await loadTables(engine, { figuresCsv: toFiguresCsv([2021, 2022].flatMap((y) => {
        const t = readFileSync(new URL(`../fixtures/metrics/qingshui-${y}.txt`, import.meta.url), 'utf8');
        const m = guessMetadata(t);
        return extractFigures(t, { docId: `qs-${y}`, published: m.published, place: m.place, genre: m.genre, title: m.title });
      })), documentsCsv: `${header}\nqs-2021,清水县政府工作报告 2021,清水县人民政府,2021-02-03,,,清水县,work_report\nqs-2022,清水县政府工作报告 2022,清水县人民政府,2022-02-10,,,清水县,work_report\n` });
      await appendReport(engine, {
        doc_id: `qs-${year}`, figuresCsv: toFiguresCsv(rows), textsCsv: 'doc_id,text\n',
        documentsCsv: `${header}\nqs-${year},清水县政府工作报告 ${year},清水县人民政府,${meta.published},,,${meta.place},${meta.genre}\n`,
      });
      expect(await points()).toBe(fullPoints);
      expect(await statementsNow()).toBe(fullStatements);
    } finally {
      await loadReports();
    }
  });
});
