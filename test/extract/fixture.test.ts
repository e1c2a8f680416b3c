import { describe, expect, it } from 'vitest';
import { coverageAccount, extractFigures } from '../../src/extract/index';
import { read } from './helpers';

/** A county statistical bulletin written for these tests: a different genre from the rectification report. */
const text = read('test/fixtures/county-bulletin-2023.txt');
const rows = extractFigures(text, { docId: 'county-bulletin-2023', published: '2024-03-15' });
const brief = rows.map((r) => [
  text.slice(r.start, r.end),
  r.qualifier,
  r.value_base,
  r.base_unit,
  r.kind,
  r.period_end,
  r.section,
  r.subject,
]);

describe('a statistical bulletin', () => {
  it('extracts every quantity with exact base values', () => {
    expect(brief).toEqual([
      ['1234.56亿元', '', '123456000000', 'CNY', 'amount', '', '一', '某某县'],
      ['5.2%', '', '5.2', 'percent', 'growth_rate', '', '一', '某某县'],
      ['85.3亿元', '', '8530000000', 'CNY', 'amount', '', '一', '某某县'],
      ['3.1%', '', '3.1', 'percent', 'growth_rate', '', '一', '某某县'],
      ['502.7亿元', '', '50270000000', 'CNY', 'amount', '', '一', '某某县'],
      ['1.4%', '', '-1.4', 'percent', 'growth_rate', '', '一', '某某县'],
      ['1,215家', '', '1215', '家', 'count', '2023-12-31', '二(一)', '某某县'],
      ['36家', '', '36', '家', 'count', '2023-12-31', '二(一)', '某某县'],
      ['420家', '约', '420', '家', 'count', '2023-12-31', '二(一)', '某某县'],
      ['1200余个', '余', '1200', '个', 'count', '2023-12-31', '二(一)', '某某县'],
      ['15.6公里', '', '15600', 'm', 'quantity', '', '二(二)', '某某县'],
      ['3.2公顷', '', '32000', 'm2', 'area', '', '二(二)', '某某县'],
      ['2.5万亩', '', '25000', 'mu', 'area', '', '二(二)', '某某县'],
      ['88亿元', '', '8800000000', 'CNY', 'amount', '', '二(二)', '高新区'],
      ['21.5%', '', '21.5', 'percent', 'percent_share', '', '二(二)', '高新区'],
      ['86.4万人', '', '864000', 'person', 'count', '', '三', '某某县'],
      ['60岁', '以上', '60', 'year_of_age', 'age', '', '三', '某某县'],
      ['21.3%', '', '21.3', 'percent', 'percent_share', '', '三', '某某县'],
      ['4500人', '', '4500', 'person', 'count', '2023-06-30', '三', '某某县'],
      ['12场', '', '12', '场', 'count', '2023-06-30', '三', '某某县'],
    ]);
  });

  it('accounts for every other digit with a named reason', () => {
    const account = coverageAccount(text, rows);
    expect(account.unaccounted).toBe(0);
    expect(account.byReason).toEqual({
      boilerplate: 5,
      year_as_name: 1,
      date: 5,
      code: 1,
      enumeration: 2,
      phone: 2,
      address: 2,
    });
  });
});

/** A city government work report excerpt written for these tests: a third genre. */
describe('a government work report', () => {
  const report = read('test/fixtures/work-report-2024.txt');
  const found = extractFigures(report, { docId: 'work-report-2024', published: '2024-01-20' });

  it('extracts every quantity with its unit, base value, kind, category and indicator', () => {
    expect(
      found.map((r) => [report.slice(r.start, r.end), r.qualifier, r.value_base, r.base_unit, r.kind, r.section, r.category, r.indicator]),
    ).toEqual([
      ['680.5亿元', '', '68050000000', 'CNY', 'amount', '一', 'industry_output', '地区生产总值'],
      ['6.1%', '', '6.1', 'percent', 'growth_rate', '一', 'industry_output', '地区生产总值同比增长率'],
      ['52.3亿元', '', '5230000000', 'CNY', 'amount', '一', 'industry_output', '一般公共预算收入'],
      ['2.4%', '', '-2.4', 'percent', 'growth_rate', '一', 'industry_output', '一般公共预算收入增长率'],
      ['8.5%', '', '8.5', 'percent', 'growth_rate', '一', 'investment', '固定资产投资增长率'],
      ['41.2%', '', '41.2', 'percent', 'percent_share', '一', 'investment', '工业投资占比'],
      ['126个', '', '126', '个', 'count', '一(一)', 'projects', '实施重点项目数'],
      ['310亿元', '', '31000000000', 'CNY', 'amount', '一(一)', 'investment', '投资额'],
      ['48个', '', '48', '个', 'count', '一(一)', 'investment', '新签约亿元以上项目数'],
      ['560亿元', '约', '56000000000', 'CNY', 'amount', '一(一)', 'investment', '协议投资额'],
      ['23.6公里', '', '23600', 'm', 'quantity', '一(一)', 'infrastructure', '新建改造城市道路'],
      ['4.2万亩', '', '42000', 'mu', 'area', '一(一)', 'infrastructure', '高标准农田建设'],
      ['1.8万人', '', '18000', 'person', 'count', '一(二)', 'talent', '城镇新增就业人数'],
      ['1260万人次', '', '12600000', 'person_time', 'count', '一(二)', 'industry_output', '接待游客人次'],
      ['98.7亿元', '', '9870000000', 'CNY', 'amount', '一(二)', 'industry_output', '旅游收入'],
      ['6所', '', '6', '所', 'count', '一(二)', 'education', '新建幼儿园数'],
      ['2700个', '', '2700', '个', 'count', '一(二)', 'education', '新增学位数'],
      ['6%', '约', '6', 'percent', 'growth_rate', '二', 'industry_output', '地区生产总值增长率'],
      ['5.5%', '以下', '5.5', 'percent', 'percent_share', '二', 'talent', '城镇调查失业率'],
    ]);
  });

  it('names the subject from the title and leaves no digit unaccounted', () => {
    expect(new Set(found.map((r) => r.subject))).toEqual(new Set(['某某市']));
    const account = coverageAccount(report, found);
    expect(account.unaccounted).toBe(0);
    expect(account.byReason).toEqual({ boilerplate: 5, year_as_name: 3 });
  });
});
