import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { coverageAccount, extractFigures, FIGURE_COLUMNS, CATEGORIES, KINDS, parseOverridesCsv } from '../../src/extract/index';
import type { FigureRow } from '../../src/extract/index';
import { documents, freshRun, read } from './helpers';

const DOC = 'binhai-2022-08-04';
const { rows, csv } = freshRun();
const text = documents().find((d) => d.doc_id === DOC)?.text ?? '';
const lines = text.split('\n');
const mine = rows.filter((r) => r.doc_id === DOC);

/** The row whose quote contains `fragment` and whose span reads `span`. */
function row(fragment: string, span: string): FigureRow {
  const found = mine.filter((r) => r.quote.includes(fragment) && text.slice(r.start, r.end) === span);
  expect(found, `${fragment} / ${span}`).toHaveLength(1);
  return found[0] as FigureRow;
}

describe('data/figures.csv', () => {
  it('equals a fresh run of the extractor (regenerate with npm run extract)', () => {
    expect(read('data/figures.csv')).toBe(csv);
  });

  it('is deterministic', () => {
    expect(freshRun().csv).toBe(csv);
  });

  it('parses back under the documented header with the same values', () => {
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...FIGURE_COLUMNS]);
    expect(parsed.data.map((r) => r.quote)).toEqual(rows.map((r) => r.quote));
  });

  it('holds essentially every quantity of the report', () => {
    expect(mine.length).toBeGreaterThanOrEqual(320);
    expect(mine.length).toBeLessThanOrEqual(345);
  });
});

describe('data/overrides.csv', () => {
  const overrides = parseOverridesCsv(read('data/overrides.csv'));
  const byRules = new Map(extractFigures(text, { docId: DOC, published: '2022-08-04', title: documents()[0]?.title ?? '' }).map((r) => [r.start, r]));

  it('stays small: under one figure in six (names unique within the report need some reviewed ones)', () => {
    expect(overrides.length).toBeLessThan(56);
  });

  it('holds only corrections: every override changes what the rules produce', () => {
    for (const o of overrides) expect(byRules.get(o.start)?.[o.field], `${o.start} ${o.field}`).not.toBe(o.value);
  });
});

describe('provenance of every row', () => {
  it('ids are stable and in document order', () => {
    mine.forEach((r, i) => expect(r.id).toBe(`${DOC}:${String(i + 1).padStart(4, '0')}`));
    expect(mine.every((r, i) => i === 0 || (mine[i - 1]?.start ?? 0) < r.start)).toBe(true);
  });

  it('every quote is verbatim in its line and contains the figure', () => {
    for (const r of mine) {
      const line = lines[r.line - 1] ?? '';
      const lineStart = text.split('\n').slice(0, r.line - 1).join('\n').length + (r.line > 1 ? 1 : 0);
      expect(line, r.id).toContain(r.quote);
      expect(r.start >= lineStart && r.end <= lineStart + line.length, r.id).toBe(true);
      expect(r.quote, r.id).toContain(text.slice(r.start, r.end));
    }
  });

  it('text.slice(start, end) is value + unit (an infix 余/多 aside)', () => {
    for (const r of mine) {
      const span = text.slice(r.start, r.end);
      const infix = span === `${r.value}${r.qualifier}${r.unit}` || span === `${r.value}${r.unit.slice(0, 1)}${r.qualifier}${r.unit.slice(1)}`;
      expect(span === r.value + r.unit || infix, `${r.id}: ${span}`).toBe(true);
    }
  });

  it('kinds and categories come from the documented lists', () => {
    for (const r of mine) {
      expect(KINDS).toContain(r.kind);
      expect(CATEGORIES).toContain(r.category);
      expect(r.indicator, r.id).not.toBe('');
    }
  });

  it('leaves no run of digits unaccounted', () => {
    const account = coverageAccount(text, mine);
    expect(account.entries.filter((e) => e.status === 'unaccounted')).toEqual([]);
    expect(account.byReason.boilerplate).toBeGreaterThan(0);
  });
});

describe('hand-checked figures (read off the source)', () => {
  it.each([
    ['承接非首都功能项目905个', '905个', '905', '个', 'count', 'projects'],
    ['协议投资额1975亿元', '1975亿元', '197500000000', 'CNY', 'amount', 'investment'],
    ['到位额262.48亿元', '262.48亿元', '26248000000', 'CNY', 'amount', 'investment'],
    ['注册资本3.4亿元人民币', '3.4亿元人民币', '340000000', 'CNY', 'amount', 'investment'],
    ['900余家企业', '900余家', '900', '家', 'count', 'enterprises'],
    ['投资总额约180亿元', '180亿元', '18000000000', 'CNY', 'amount', 'investment'],
    ['急难愁盼问题10万余件', '10万余件', '100000', '件', 'count', 'governance'],
    ['注册资金30.7亿美元', '30.7亿美元', '3070000000', 'USD', 'amount', 'investment'],
    ['合同外资4000万美元', '4000万美元', '40000000', 'USD', 'amount', 'investment'],
    ['闲置房产13.79万平方米', '13.79万平方米', '137900', 'm2', 'area', 'infrastructure'],
    ['规上工业产值的33.89%', '33.89%', '33.89', 'percent', 'percent_share', 'industry_output'],
    ['同比增长11%', '11%', '11', 'percent', 'growth_rate', 'industry_output'],
    ['增加值增长15.5%', '15.5%', '15.5', 'percent', 'growth_rate', 'industry_output'],
    ['平均年龄达到42.5岁', '42.5岁', '42.5', 'year_of_age', 'age', 'party_building'],
    ['42岁及以下干部', '42岁', '42', 'year_of_age', 'age', 'party_building'],
    ['人数占比达到54.7%', '54.7%', '54.7', 'percent', 'percent_share', 'party_building'],
    ['5G基站998个', '998个', '998', '个', 'count', 'infrastructure'],
    ['5G基站累计达到5137个', '5137个', '5137', '个', 'count', 'infrastructure'],
    ['B1线6座车站', '6座', '6', '座', 'count', 'infrastructure'],
    ['其中11名为“90后”', '11名', '11', 'person', 'count', 'party_building'],
    ['6个问题中2个已完成', '6个', '6', '个', 'count', 'governance'],
    ['6个问题中2个已完成', '2个', '2', '个', 'count', 'governance'],
    ['发放补贴56.2万元', '56.2万元', '562000', 'CNY', 'amount', 'finance_debt'],
    ['招收见习人员445人', '445人', '445', 'person', 'count', 'talent'],
    ['引导2.5万名党员干部', '2.5万名', '25000', 'person', 'count', 'party_building'],
    ['25万名居民群众', '25万名', '250000', 'person', 'count', 'party_building'],
    ['志愿服务112785人次', '112785人次', '112785', 'person_time', 'count', 'party_building'],
    ['数据量约为13.5万条', '13.5万条', '135000', '条', 'count', 'governance'],
    ['奖补资金0.2亿元', '0.2亿元', '20000000', 'CNY', 'amount', 'education'],
    ['补助资金205.47万元', '205.47万元', '2054700', 'CNY', 'amount', 'finance_debt'],
    ['新增学位5490个', '5490个', '5490', '个', 'count', 'education'],
    ['义务教育学位7110个', '7110个', '7110', '个', 'count', 'education'],
    ['纪检监察干部800余人次', '800余人次', '800', 'person_time', 'count', 'discipline'],
    ['不作为问题25起49人', '49人', '49', 'person', 'count', 'discipline'],
    ['170多个服务网点', '170多个', '170', '个', 'count', 'party_building'],
    ['分解出19个重点问题', '19个', '19', '个', 'count', 'governance'],
    ['制定328条整改措施', '328条', '328', '条', 'count', 'governance'],
    ['导示系统400余个', '400余个', '400', '个', 'count', 'infrastructure'],
    ['45岁以下的优秀年轻干部', '45岁', '45', 'year_of_age', 'age', 'party_building'],
    ['1371人次参加', '1371人次', '1371', 'person_time', 'count', 'discipline'],
    ['营业收入395.77亿元', '395.77亿元', '39577000000', 'CNY', 'amount', 'industry_output'],
    ['规上工业总产值525.26亿元', '525.26亿元', '52526000000', 'CNY', 'amount', 'industry_output'],
  ])('%s → %s', (fragment, span, base, baseUnit, kind, category) => {
    const r = row(fragment, span);
    expect([r.value_base, r.base_unit, r.kind, r.category]).toEqual([base, baseUnit, kind, category]);
  });

  it('indicator names the overview shows', () => {
    expect(row('协议投资额1975亿元', '1975亿元').indicator).toBe('承接非首都功能项目协议投资额');
    expect(row('5G基站累计达到5137个', '5137个').indicator).toBe('5G基站累计数');
    expect(row('承接非首都功能项目905个', '905个').indicator).toBe('承接非首都功能项目数');
    expect(row('6个问题中2个已完成', '2个').indicator).toBe('已完成问题数');
  });

  it('qualifiers', () => {
    expect(row('900余家企业', '900余家').qualifier).toBe('余');
    expect(row('投资总额约180亿元', '180亿元').qualifier).toBe('约');
    expect(row('42岁及以下干部', '42岁').qualifier).toBe('以下');
    expect(row('170多个服务网点', '170多个').qualifier).toBe('多');
    expect(row('协议投资额1975亿元', '1975亿元').qualifier).toBe('');
  });

  it('periods, subjects and sections', () => {
    const r905 = row('承接非首都功能项目905个', '905个');
    expect([r905.period, r905.period_end, r905.section, r905.subject]).toEqual(['截至2021年10月', '2021-10-31', '二(一)1', '滨海新区']);
    const rInc = row('营业收入395.77亿元', '395.77亿元');
    expect([rInc.period, rInc.period_end, rInc.subject]).toEqual(['2021年前三季度', '2021-09-30', '高新区']);
    expect(row('战略性新兴产业项目1100个', '1100个').period_end).toBe('2021-10-31');
    expect(row('新增北京企业230家', '230家').subject).toBe('滨海-中关村科技园');
    expect(row('在生态城落户48家', '48家').subject).toBe('生态城');
    expect(row('经开区173名', '173名').subject).toBe('经开区');
    const r8 = row('赴北京招商8次', '8次');
    expect([r8.section, r8.section_title]).toEqual(['二(一)1-举一反三', '招商产业类型不丰富,赴北京招商推介活动较少']);
    expect(row('新增学位5490个', '5490个').section).toBe('二(三)1');
  });

  it('names the exclusions of the tricky places', () => {
    const account = coverageAccount(text, mine);
    const at = (needle: string, offset = 0) => account.entries.find((e) => e.start === text.indexOf(needle) + offset);
    expect(at('1+3+4', 0)?.reason).toBe('code');
    expect(at('90后')?.reason).toBe('cohort_label');
    expect(at('14号楼')?.reason).toBe('address');
    expect(at('65309419')?.reason).toBe('phone');
    expect(at('2021年3月1日')?.reason).toBe('date');
    expect(at('5G基站998')?.reason).toBe('code');
    expect(at('B1线', 1)?.reason).toBe('code');
    expect(at('1.针对承接')?.reason).toBe('enumeration');
    expect(at('2021-2023年')?.reason).toBe('year_as_name');
    expect(at('2022-08-04 06:51')?.reason).toBe('boilerplate');
  });
});
