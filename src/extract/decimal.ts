/**
 * Exact decimal arithmetic on strings: numbers are never converted to floating point.
 */

const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * Turns a number as written (full-width digits, `．`, thousands commas) into a plain ASCII decimal
 * such as `1234.5`.
 */
export function normalizeNumber(written: string): string {
  return written
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，]/g, '');
}

/**
 * Multiplies a non-negative decimal string by 10^power by moving the decimal point, so
 * `scaleDecimal('262.48', 8)` is `'26248000000'` and `scaleDecimal('5', -2)` is `'0.05'`.
 * The result has no leading zeros (except a single one before the point) and no trailing
 * fractional zeros.
 */
export function scaleDecimal(value: string, power: number): string {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`not a decimal: ${value}`);
  const [intPart = '', fracPart = ''] = value.split('.');
  let digits = intPart + fracPart;
  let point = intPart.length + power;
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(point).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** Multiplies a non-negative decimal string by a positive integer, exactly (`timesInteger('1.37', 5)` is `'6.85'`). */
export function timesInteger(value: string, factor: number): string {
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isInteger(factor) || factor < 1) throw new Error(`not a decimal times a positive integer: ${value} × ${factor}`);
  const [intPart = '', fracPart = ''] = value.split('.');
  const digits = (BigInt(intPart + fracPart) * BigInt(factor)).toString().padStart(fracPart.length + 1, '0');
  return scaleDecimal(digits, -fracPart.length);
}
