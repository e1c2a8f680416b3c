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
      ['1,215家', '', '1215', 'count', 'count', '2023-12-31', '二(一)', '某某县'],
      ['36家', '', '36', 'count', 'count', '2023-12-31', '二(一)', '某某县'],
      ['420家', '约', '420', 'count', 'count', '2023-12-31', '二(一)', '某某县'],
      ['1200余个', '余', '1200', 'count', 'count', '2023-12-31', '二(一)', '某某县'],
      ['15.6公里', '', '15600', 'm', 'quantity', '', '二(二)', '某某县'],
      ['3.2公顷', '', '32000', 'm2', 'area', '', '二(二)', '某某县'],
      ['2.5万亩', '', '25000', 'mu', 'area', '', '二(二)', '某某县'],
      ['88亿元', '', '8800000000', 'CNY', 'amount', '', '二(二)', '高新区'],
      ['21.5%', '', '21.5', 'percent', 'percent_share', '', '二(二)', '高新区'],
      ['86.4万人', '', '864000', 'person', 'count', '', '三', '某某县'],
      ['60岁', '以上', '60', 'year_of_age', 'age', '', '三', '某某县'],
      ['21.3%', '', '21.3', 'percent', 'percent_share', '', '三', '某某县'],
      ['4500人', '', '4500', 'person', 'count', '2023-06-30', '三', '某某县'],
      ['12场', '', '12', 'count', 'count', '2023-06-30', '三', '某某县'],
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
