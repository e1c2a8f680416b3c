import { describe, expect, it } from 'vitest';
import { normalizeNumber, scaleDecimal } from '../../src/extract/index';

describe('scaleDecimal', () => {
  it.each([
    ['262.48', 8, '26248000000'],
    ['1975', 8, '197500000000'],
    ['13.79', 4, '137900'],
    ['0.2', 8, '20000000'],
    ['56.2', 4, '562000'],
    ['205.47', 4, '2054700'],
    ['2.5', 4, '25000'],
    ['33.89', 0, '33.89'],
    ['5', -2, '0.05'],
    ['0.001', 2, '0.1'],
    ['100', 0, '100'],
    ['007', 0, '7'],
  ])('%s × 10^%i = %s', (v, p, expected) => {
    expect(scaleDecimal(v, p)).toBe(expected);
  });

  it('is exact where floating point is not', () => {
    expect(String(0.07 * 1e8)).not.toBe('7000000');
    expect(scaleDecimal('0.07', 8)).toBe('7000000');
  });

  it('rejects what is not a decimal', () => {
    expect(() => scaleDecimal('1,2', 0)).toThrow();
  });

  it('normalises full-width digits and thousands commas', () => {
    expect(normalizeNumber('１２．５')).toBe('12.5');
    expect(normalizeNumber('1,215')).toBe('1215');
  });
});
