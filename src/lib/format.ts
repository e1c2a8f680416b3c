/**
 * Chinese number formatting: magnitudes in 万/亿, money in 元/万元/亿元 and 美元 (USD is never mixed into
 * CNY), and one display scale per chart.
 */

/**
 * How a base unit reads in Chinese once scaled (万 + 元 → 万元). A count's base unit is its measure word
 * (家, 个, 项 …), which reads as itself.
 */
const UNIT_SUFFIX: Record<string, string> = {
  CNY: '元',
  USD: '美元',
  m2: '平方米',
  person: '人',
  person_time: '人次',
  percent: '%',
  year_of_age: '岁',
  // Units the extractor writes for other genres of report.
  mu: '亩', times: '倍', kg: '千克', m: '米', m3: '立方米', kW: '千瓦', kWh: '千瓦时', TEU: '标准箱',
  year: '年', month: '个月', day: '天', hour: '小时', minute: '分钟',
};

/**
 * How a bare count reads: a number written with no unit after it, which a reviewer added from the text (base unit
 * `count`), counted as 个 as the review says when it adds one (按个数计). Kept out of {@link UNIT_SUFFIX}, whose
 * units are not counts: a bare count is scaled and ordered as the counts are.
 */
const BARE_COUNT_SUFFIX = '个';

/** Base units whose values can be shown in 万/亿, besides counts. */
const SCALABLE = new Set(['CNY', 'USD', 'm2', 'person', 'person_time', 'mu', 'kg', 'm', 'm3', 'kW', 'kWh', 'TEU']);
/** Base units that are not counts of things (everything else is a measure word: 家, 个, 项 …). */
const NOT_COUNTS = new Set([...SCALABLE, ...Object.keys(UNIT_SUFFIX)]);

/** True for a count's base unit: a measure word (家, 个, 项 …), people or person-times. */
export function isCountUnit(baseUnit: string): boolean {
  return !NOT_COUNTS.has(baseUnit) || baseUnit === 'person' || baseUnit === 'person_time';
}

const UNIT_ORDER = ['CNY', 'USD', 'm2', 'person', 'person_time'];
const LAST_UNITS = ['percent', 'year_of_age'];
const unitCollator = new Intl.Collator('zh-Hans-CN');

/** The order in which base units are shown: money, area, people, then counts by measure word, rates last. */
export function compareUnits(a: string, b: string): number {
  const rank = (u: string): number => {
    const i = UNIT_ORDER.indexOf(u);
    if (i !== -1) return i;
    const j = LAST_UNITS.indexOf(u);
    return j !== -1 ? 100 + j : isCountUnit(u) ? 10 : 50;
  };
  return rank(a) - rank(b) || unitCollator.compare(a, b);
}

export interface DisplayScale {
  divisor: 1 | 1e4 | 1e8;
  /** The prefix shown before the unit: '', '万' or '亿'. */
  prefix: '' | '万' | '亿';
}

const NONE: DisplayScale = { divisor: 1, prefix: '' };
const WAN: DisplayScale = { divisor: 1e4, prefix: '万' };
const YI: DisplayScale = { divisor: 1e8, prefix: '亿' };

/** The Chinese label of a base unit, with an optional 万/亿 prefix (`CNY`, 亿 → 亿元; `count` → 个). */
export function unitLabel(baseUnit: string, scale: DisplayScale = NONE): string {
  const suffix = UNIT_SUFFIX[baseUnit] ?? (baseUnit === 'count' ? BARE_COUNT_SUFFIX : baseUnit);
  return `${scale.prefix}${suffix}`;
}

/**
 * The one scale for a set of values of one base unit: 亿 when the largest is at least 1亿, 万 from 1万
 * (money and areas only, counts of people and things stay whole below 1亿), else none.
 */
export function chooseScale(values: readonly number[], baseUnit: string): DisplayScale {
  if (!SCALABLE.has(baseUnit) && !isCountUnit(baseUnit)) return NONE;
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (max >= 1e8) return YI;
  const moneyOrArea = !isCountUnit(baseUnit);
  if (max >= 1e4 && moneyOrArea) return WAN;
  return NONE;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Formats a plain number with grouping and at most `digits` decimals, trailing zeros trimmed. */
export function formatNumber(value: number, digits = 2): string {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits, useGrouping: true });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

/** A value divided by its scale, rounded for display (1975亿 → 1,975; 26248000000 → 262.48). */
export function scaled(value: number, scale: DisplayScale): number {
  return Number((value / scale.divisor).toFixed(scale.divisor === 1 ? 4 : 6));
}

/** A base value written for people: 197500000000 CNY → "1,975亿元", 137900 m2 → "13.79万平方米". */
export function formatQuantity(value: number, baseUnit: string): string {
  const scale = chooseScale([value], baseUnit);
  return `${formatNumber(scaled(value, scale))}${unitLabel(baseUnit, scale)}`;
}

/**
 * Formats a plain number like {@link formatNumber}, except that a non-zero value below 1 keeps at least two
 * significant digits, so it never reads as 0 or as a rounded 0.01 (0.00562 → 0.0056, 0.012 → 0.012).
 */
export function formatNonZero(value: number, digits = 2): string {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || magnitude >= 1) return formatNumber(value, digits);
  const needed = Math.ceil(-Math.log10(magnitude)) + 1;
  return formatNumber(value, Math.min(20, Math.max(digits, needed)));
}

/** `number` and `unit` with a qualifier where Chinese puts it: 约/近/超 before, 余/多 between, the rest after. */
function withQualifier(number: string, unit: string, qualifier: string): string {
  // Written after the magnitude, as the report wrote it (10万余件): the unit already holds it.
  if ((qualifier === '余' || qualifier === '多') && unit.slice(1).startsWith(qualifier)) return `${number}${unit}`;
  if (qualifier === '约' || qualifier === '近' || qualifier === '超') return `${qualifier}${number}${unit}`;
  if (qualifier === '余' || qualifier === '多') return `${number}${qualifier}${unit}`;
  return `${number}${unit}${qualifier}`;
}

/**
 * A base value in a given scale, with its qualifier where Chinese puts it (约0.0056亿元, 180余亿元, 900余家,
 * 42岁以下). 余/多 follow a whole number (180余亿元) but the 万/亿 of a fraction (1.2亿余元: never 1.2余亿元).
 * A non-zero value never reads as 0 however large the scale.
 */
export function formatScaled(value: number, baseUnit: string, scale: DisplayScale, qualifier = ''): string {
  const shown = value / scale.divisor;
  const number = formatNonZero(shown);
  if (scale.prefix !== '' && !Number.isInteger(shown)) {
    return withQualifier(`${number}${scale.prefix}`, unitLabel(baseUnit), qualifier);
  }
  return withQualifier(number, unitLabel(baseUnit, scale), qualifier);
}

/** A figure as the report writes it: its number, unit and qualifier (约180亿元, 900余家, 42岁以下). */
export function formatAsWritten(figure: { value: number; unit: string; qualifier: string }): string {
  const { value, unit, qualifier } = figure;
  // As the report writes it: no digit grouping (5137个, not 5,137个).
  return withQualifier(String(Number(value.toFixed(6))), unit, qualifier);
}
