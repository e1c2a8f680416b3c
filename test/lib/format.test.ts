import { describe, expect, it } from 'vitest';
import {
  chooseScale, compareUnits, formatAsWritten, formatNonZero, formatQuantity, formatScaled, isCountUnit, scaled, unitLabel,
} from '../../src/lib/format';

describe('Chinese number formatting', () => {
  it('writes money in 亿元/万元/元 and keeps USD apart', () => {
    expect(formatQuantity(197500000000, 'CNY')).toBe('1,975亿元');
    expect(formatQuantity(26248000000, 'CNY')).toBe('262.48亿元');
    expect(formatQuantity(23531649, 'CNY')).toBe('2,353.16万元');
    expect(formatQuantity(3070000000, 'USD')).toBe('30.7亿美元');
    expect(formatQuantity(800, 'CNY')).toBe('800元');
  });

  it('scales areas to 万平方米 and leaves counts whole below 1亿, in their own measure word', () => {
    expect(formatQuantity(137900, 'm2')).toBe('13.79万平方米');
    expect(formatQuantity(5137, '个')).toBe('5,137个');
    expect(formatQuantity(900, '家')).toBe('900家');
    expect(formatQuantity(25000, 'person')).toBe('25,000人');
  });

  it('labels a bare count (a number added with no unit after it) as 个, and scales and orders it as a count', () => {
    expect(unitLabel('count')).toBe('个');
    expect(formatQuantity(92.5, 'count')).toBe('92.5个');
    // Whole below 1亿, like every count; in 亿 above.
    expect(formatQuantity(25000, 'count')).toBe('25,000个');
    expect(unitLabel('count', chooseScale([3e8, 12], 'count'))).toBe('亿个');
    expect(formatScaled(12, 'count', chooseScale([3e8], 'count'))).toBe('0.00000012亿个');
    expect(isCountUnit('count')).toBe(true);
    expect(['percent', 'count', 'CNY', 'mu'].sort(compareUnits)).toEqual(['CNY', 'count', 'mu', 'percent']);
    // As the report writes it, a bare count has no unit: only the axis and the base value name one.
    expect(formatAsWritten({ value: 92.5, unit: '', qualifier: '' })).toBe('92.5');
  });

  it('names the units other genres of report use', () => {
    expect(formatQuantity(125000, 'mu')).toBe('12.5万亩');
    expect(formatQuantity(3, 'times')).toBe('3倍');
    expect(formatQuantity(2000000000, 'kg')).toBe('20亿千克');
  });

  it('never scales percentages or ages', () => {
    expect(formatQuantity(33.89, 'percent')).toBe('33.89%');
    expect(formatQuantity(42.5, 'year_of_age')).toBe('42.5岁');
    expect(chooseScale([1e9], 'percent').divisor).toBe(1);
  });

  it('picks one scale for a whole chart from its largest value', () => {
    const scale = chooseScale([26248000000, 23531649, 197500000000], 'CNY');
    expect(unitLabel('CNY', scale)).toBe('亿元');
    expect(scaled(23531649, scale)).toBe(0.235316);
    expect(unitLabel('USD', chooseScale([5e5], 'USD'))).toBe('万美元');
  });

  it('writes a figure with its qualifier where Chinese puts it', () => {
    expect(formatAsWritten({ value: 180, unit: '亿元', qualifier: '约' })).toBe('约180亿元');
    expect(formatAsWritten({ value: 900, unit: '家', qualifier: '余' })).toBe('900余家');
    // Where the report put 余: after the number (10余万件, 100 000–200 000) or after the magnitude (10万余件, just over).
    expect(formatAsWritten({ value: 10, unit: '万余件', qualifier: '余' })).toBe('10万余件');
    expect(formatAsWritten({ value: 10, unit: '万件', qualifier: '余' })).toBe('10余万件');
    expect(formatAsWritten({ value: 42, unit: '岁', qualifier: '以下' })).toBe('42岁以下');
    expect(formatAsWritten({ value: 13.79, unit: '万平方米', qualifier: '' })).toBe('13.79万平方米');
    expect(formatAsWritten({ value: 17933, unit: '项', qualifier: '' })).toBe('17933项');
  });

  it('never shows a small non-zero value as 0 or a rounded 0.01', () => {
    expect(formatNonZero(0.00562)).toBe('0.0056');
    expect(formatNonZero(0.012)).toBe('0.012');
    expect(formatNonZero(0.000008)).toBe('0.000008');
    expect(formatNonZero(0.235316)).toBe('0.24');
    expect(formatNonZero(262.48)).toBe('262.48');
    expect(formatNonZero(0)).toBe('0');
    expect(formatNonZero(0.00562, 4)).toBe('0.0056');
  });

  it('writes a value in a chart’s scale with its qualifier where Chinese puts it', () => {
    const yi = chooseScale([1e10], 'CNY');
    expect(formatScaled(562000, 'CNY', yi)).toBe('0.0056亿元');
    expect(formatScaled(800, 'CNY', yi)).toBe('0.000008亿元');
    expect(formatScaled(18000000000, 'CNY', yi, '约')).toBe('约180亿元');
    expect(formatScaled(18000000000, 'CNY', yi, '余')).toBe('180余亿元');
    // 余 follows the whole number, or the 亿 of a fraction: 1.2亿余元, never 1.2余亿元.
    expect(formatScaled(120000000, 'CNY', yi, '余')).toBe('1.2亿余元');
    expect(formatScaled(120000000, 'CNY', yi, '以上')).toBe('1.2亿元以上');
    expect(formatScaled(900, '家', chooseScale([900], '家'), '余')).toBe('900余家');
    expect(formatScaled(42, 'year_of_age', chooseScale([42], 'year_of_age'), '以下')).toBe('42岁以下');
    expect(formatScaled(100000, '件', chooseScale([100000], '件'), '多')).toBe('100,000多件');
  });
});
