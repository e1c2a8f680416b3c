/**
 * Chinese number formatting: magnitudes in 万/亿, money in 元/万元/亿元 and 美元 (USD is never mixed into
 * CNY), and one display scale per chart.
 */

/** How a base unit reads in Chinese once scaled (万 + 元 → 万元). */
const UNIT_SUFFIX: Record<string, string> = {
  CNY: '元',
  USD: '美元',
  m2: '平方米',
  count: '个',
  person: '人',
  person_time: '人次',
  percent: '%',
  year_of_age: '岁',
  // Units the extractor writes for other genres of report.
  mu: '亩', times: '倍', t: '吨', m: '米', m3: '立方米', kW: '千瓦', kWh: '千瓦时', TEU: '标准箱',
  year: '年', month: '个月', day: '天', hour: '小时', minute: '分钟',
};

/** Base units whose values can be shown in 万/亿. */
const SCALABLE = new Set(['CNY', 'USD', 'm2', 'count', 'person', 'person_time', 'mu', 't', 'm', 'm3', 'kW', 'kWh', 'TEU']);

export interface DisplayScale {
  divisor: 1 | 1e4 | 1e8;
  /** The prefix shown before the unit: '', '万' or '亿'. */
  prefix: '' | '万' | '亿';
}

const NONE: DisplayScale = { divisor: 1, prefix: '' };
const WAN: DisplayScale = { divisor: 1e4, prefix: '万' };
const YI: DisplayScale = { divisor: 1e8, prefix: '亿' };

/** The Chinese label of a base unit, with an optional 万/亿 prefix (`CNY`, 亿 → 亿元). */
export function unitLabel(baseUnit: string, scale: DisplayScale = NONE): string {
  const suffix = UNIT_SUFFIX[baseUnit] ?? baseUnit;
  return `${scale.prefix}${suffix}`;
}

/**
 * The one scale for a set of values of one base unit: 亿 when the largest is at least 1亿, 万 from 1万
 * (money and areas only, counts of people and things stay whole below 1亿), else none.
 */
export function chooseScale(values: readonly number[], baseUnit: string): DisplayScale {
  if (!SCALABLE.has(baseUnit)) return NONE;
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (max >= 1e8) return YI;
  const moneyOrArea = !['count', 'person', 'person_time'].includes(baseUnit);
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

/** A figure as the report writes it: its number, unit and qualifier (约180亿元, 900余家, 42岁以下). */
export function formatAsWritten(figure: { value: number; unit: string; qualifier: string }): string {
  const { value, unit, qualifier } = figure;
  // As the report writes it: no digit grouping (5137个, not 5,137个).
  const number = String(Number(value.toFixed(6)));
  if (qualifier === '约' || qualifier === '近' || qualifier === '超') return `${qualifier}${number}${unit}`;
  if (qualifier === '余' || qualifier === '多') return `${number}${qualifier}${unit}`;
  return `${number}${unit}${qualifier}`;
}
