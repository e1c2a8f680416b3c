/** The meaning rules over whole documents: the Binhai report and a district investment summary of another genre. */
import { describe, expect, it } from 'vitest';
import { coverageAccount, extractFigures } from '../../src/extract/index';
import type { FigureRow } from '../../src/extract/index';
import { documents, read } from './helpers';
import { expectFactsConsistent, expectPartsWithinTotals, figureAt } from './semantics-helpers';

describe('the Binhai report', () => {
  const DOC = 'binhai-2022-08-04';
  const doc = documents().find((d) => d.doc_id === DOC);
  const text = doc?.text ?? '';
  const rows = extractFigures(text, { docId: DOC, published: '2022-08-04', title: doc?.title ?? '' });
  const at = (needle: string, span: string, nth = 0): FigureRow => figureAt(rows, text, needle, span, nth);

  it('大胆提拔使用12名“五方面人员”, stated twice, is one fact', () => {
    const [first, second] = [at('12名“五方面人员”', '12名', 0), at('12名“五方面人员”', '12名', 1)];
    expect(second.id).not.toBe(first.id);
    expect([first.fact_id, second.fact_id]).toEqual([first.id, first.id]);
  });

  it('17个产业(人才)联盟, stated twice, is one fact', () => {
    const [first, second] = [at('17个产业(人才)联盟', '17个', 0), at('17个产业(人才)联盟', '17个', 1)];
    expect(text.slice(second.start - 2, second.start)).toBe('组建');
    expect([first.fact_id, second.fact_id]).toEqual([first.id, first.id]);
  });

  it('the five zones’ 党建服务专员 are parts of the 911', () => {
    const total = at('选派党建服务专员911名', '911名');
    const list = '经开区173名、保税区20名、高新区556名、东疆保税港区147名、生态城15名';
    const parts = ['173名', '20名', '556名', '147名', '15名'].map((span) => at(list, span));
    expect(parts.map((p) => p.part_of)).toEqual(parts.map(() => total.fact_id));
    expect(parts.map((p) => p.subject)).toEqual(['经开区', '保税区', '高新区', '东疆保税港区', '生态城']);
    expect(total.part_of).toBe('');
  });

  it('新增 雏鹰企业 are a flow, 累计入库 国科小 and 雏鹰企业 a stock', () => {
    expect(at('雏鹰企业36家', '36家').agg).toBe('additive');
    expect(at('累计入库国科小1287家', '1287家').agg).toBe('stock');
    expect(at('雏鹰企业508家', '508家').agg).toBe('stock');
  });

  it('rates, shares and ages are non-additive', () => {
    expect(at('占比15.1%', '15.1%').agg).toBe('non_additive');
    expect(at('同比增长23.1%', '23.1%').agg).toBe('non_additive');
    expect(at('平均年龄达到42.5岁', '42.5岁').agg).toBe('non_additive');
    const rates = rows.filter((r) => ['percent_share', 'growth_rate', 'age', 'ratio', 'duration'].includes(r.kind));
    expect(rates.length).toBeGreaterThanOrEqual(10);
    expect(rates.filter((r) => r.agg !== 'non_additive')).toEqual([]);
  });

  it('1287家 counts in 家, not in a generic count', () => {
    const r = at('累计入库国科小1287家', '1287家');
    expect([r.kind, r.base_unit, r.value_base]).toEqual(['count', '家', '1287']);
  });

  it('2021年1至10月 and 2021年1-10月 are one period', () => {
    const spelledTo = at('规上工业总产值525.26亿元', '525.26亿元');
    const spelledDash = at('战略性新兴产业项目1100个', '1100个');
    for (const r of [spelledTo, spelledDash]) expect([r.period, r.period_start, r.period_end]).toEqual(['2021年1-10月', '2021-01-01', '2021-10-31']);
  });

  it('keeps every part within its total and every fact’s mentions alike', () => {
    expect(rows.filter((r) => r.part_of).length).toBeGreaterThanOrEqual(5);
    expectPartsWithinTotals(rows);
    expectFactsConsistent(rows);
  });
});

/** A district investment-promotion summary written for these tests: a fourth genre. */
describe('a district investment-promotion summary', () => {
  const text = read('test/fixtures/district-investment-summary-2023.txt');
  const rows = extractFigures(text, {
    docId: 'district-investment-summary-2023',
    published: '2023-10-16',
    title: '某某区2023年前三季度招商引资工作总结',
  });
  const at = (needle: string, span: string, nth = 0): FigureRow => figureAt(rows, text, needle, span, nth);
  const signed = (nth: number): FigureRow => at('新签约招商项目86个', '86个', nth);
  const agreed = (nth: number): FigureRow => at('协议投资额412.5亿元', '412.5亿元', nth);

  it('classes flows, stocks and non-additive figures', () => {
    expect(
      [
        agreed(0),
        at('新增注册企业1260家', '1260家'),
        at('新引进总部企业12家', '12家'),
        at('兑现招商引资奖励资金3520万元', '3520万元'),
        at('累计注册企业1.82万家', '1.82万家'),
        at('累计引进总部企业87家', '87家'),
        at('现有规模以上工业企业326家', '326家'),
        at('同比增长18.6%', '18.6%'),
        at('占比57.4%', '57.4%'),
        at('提高6.2个百分点', '6.2个百分点'),
        at('平均每个项目协议投资额约4.8亿元', '4.8亿元'),
        at('上年同期的1.5倍', '1.5倍'),
        at('单个企业最高奖励500万元', '500万元'),
        at('平均用时4.5个月', '4.5个月'),
      ].map((r) => r.agg),
    ).toEqual([
      'additive',
      'additive',
      'additive',
      'additive',
      'stock',
      'stock',
      'stock',
      'non_additive',
      'non_additive',
      'non_additive',
      'non_additive',
      'non_additive',
      'non_additive',
      'non_additive',
    ]);
  });

  it('one fact per restated figure, a new fact for another value', () => {
    expect([signed(0), signed(1), signed(2)].map((r) => r.fact_id)).toEqual([signed(0).id, signed(0).id, signed(0).id]);
    expect([agreed(0), agreed(1)].map((r) => r.fact_id)).toEqual([agreed(0).id, agreed(0).id]);
    const foreign = [at('外资企业45家', '45家', 0), at('外资企业45家', '45家', 1)];
    expect(foreign.map((r) => r.fact_id)).toEqual([foreign[0]?.id, foreign[0]?.id]);
    const target = at('突破500亿元', '500亿元');
    expect(target.fact_id).toBe(target.id);
  });

  it('a restated figure takes the period its first mention names', () => {
    const later = at('外资企业45家', '45家', 1);
    expect([later.period, later.period_start, later.period_end]).toEqual(['2023年前三季度', '2023-01-01', '2023-09-30']);
  });

  it('the industries’ agreed investment and projects are parts of the totals', () => {
    const money = ['236.8亿元', '121.4亿元', '54.3亿元'].map((span) => at(`项目协议投资额${span}`, span));
    expect(money.map((r) => r.part_of)).toEqual(money.map(() => agreed(0).fact_id));
    const projects = ['38个', '31个', '17个'].map((span) => at(`项目${span}`, span));
    // Stated after the second mention of 86个, they point to the fact of the first.
    expect(projects.map((r) => r.part_of)).toEqual(projects.map(() => signed(0).id));
    const foreign = [at('外资企业45家', '45家', 0), at('外资企业45家', '45家', 1)];
    expect(foreign.map((r) => r.part_of)).toEqual(foreign.map(() => at('新增注册企业1260家', '1260家').fact_id));
  });

  it('neither another currency nor a later sentence is a part', () => {
    expect(at('到位外资8650万美元', '8650万美元').part_of).toBe('');
    expect(at('亿元以上项目52个', '52个').part_of).toBe('');
    expect(at('新引进总部企业12家', '12家').part_of).toBe('');
    expectPartsWithinTotals(rows);
    expectFactsConsistent(rows);
  });

  it('reads every spelling of the first nine months as one period', () => {
    const spans = [
      signed(0), // 2023年1-9月
      signed(1), // 2023年1至9月
      at('实际到位资金186.3亿元', '186.3亿元'), // 2023年前三季度
      at('举办招商推介会23场', '23场'), // 前三季度, published 2023-10-16
    ];
    for (const r of spans) expect([r.period, r.period_start, r.period_end], r.id).toEqual(['2023年前三季度', '2023-01-01', '2023-09-30']);
    const stock = at('累计注册企业1.82万家', '1.82万家');
    expect([stock.period, stock.period_start, stock.period_end]).toEqual(['截至2023年9月', '', '2023-09-30']);
  });

  it('keeps the measure word, currency and magnitude', () => {
    const brief = (r: FigureRow) => [r.value_base, r.base_unit, r.qualifier];
    expect(brief(at('累计注册企业1.82万家', '1.82万家'))).toEqual(['18200', '家', '']);
    expect(brief(signed(0))).toEqual(['86', '个', '']);
    expect(brief(at('举办招商推介会23场', '23场'))).toEqual(['23', '场', '']);
    expect(brief(at('赴外地招商46次', '46次'))).toEqual(['46', '次', '']);
    expect(brief(at('走访对接企业300余家', '300余家'))).toEqual(['300', '家', '余']);
    expect(brief(at('约1500人次', '1500人次'))).toEqual(['1500', 'person_time', '约']);
    expect(brief(at('项目20个以上', '20个'))).toEqual(['20', '个', '以上']);
    expect(brief(at('约4.8亿元', '4.8亿元'))).toEqual(['480000000', 'CNY', '约']);
    expect(brief(at('3520万元', '3520万元'))).toEqual(['35200000', 'CNY', '']);
    expect(brief(at('8650万美元', '8650万美元'))).toEqual(['86500000', 'USD', '']);
  });

  it('names the district as the subject and leaves no digit unaccounted', () => {
    expect(new Set(rows.map((r) => r.subject))).toEqual(new Set(['某某区']));
    const account = coverageAccount(text, rows);
    expect(account.unaccounted).toBe(0);
    expect(account.byReason).toEqual({ boilerplate: 5, date: 15 });
  });
});
