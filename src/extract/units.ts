/**
 * The unit table: which written units follow a number, and how they map onto base units.
 */
import type { Kind } from './types';

/** How one written unit converts into its base unit. */
export interface UnitSpec {
  /** Base unit, e.g. `CNY`, `m2`, `count`. */
  base: string;
  /** The unit's kind before context refines it (percent becomes share or growth later). */
  kind: Kind;
  /** Power of ten from this unit to the base unit (平方公里 → m2 is 6). */
  power: number;
  /** Whether a magnitude (万, 亿 …) may precede it. */
  scalable: boolean;
  /** An integer the value is multiplied by before the power of ten (斤 → kg: × 5, 10^-1); 1 when absent. */
  factor?: number;
}

const money = (base: string): UnitSpec => ({ base, kind: 'amount', power: 0, scalable: true });
const person: UnitSpec = { base: 'person', kind: 'count', power: 0, scalable: true };

/** Counting words (量词) that make a number a count of things. */
export const COUNT_WORDS = [
  '个', '家', '项', '件', '条', '座', '所', '次', '场', '批次', '批', '期', '轮', '篇', '份', '册', '间',
  '起', '类', '种', '处', '站', '区间', '组', '户', '支', '台', '辆', '套', '栋', '张', '本', '部门', '部',
  '艘', '架', '宗', '笔', '门', '方面', '大类', '大', '床', '所次', '块', '片', '棵', '株', '盏', '只', '头',
] as const;

/**
 * Declared equivalences between counting words; every other counting word is its own unit of comparison
 * (家 and 个 count different things and are never added or drawn on one axis). 大 in 6大监督方向 is no measure
 * word but "major": the items counted are 项.
 */
export const COUNT_EQUIVALENTS: Readonly<Record<string, string>> = { 批次: '批', 大类: '类', 大: '项' };

const countOf = (word: string): UnitSpec => ({ base: COUNT_EQUIVALENTS[word] ?? word, kind: 'count', power: 0, scalable: true });

/** Every recognised unit written after a number (without magnitude), with its conversion. */
export const UNITS: ReadonlyMap<string, UnitSpec> = new Map<string, UnitSpec>([
  ['元人民币', money('CNY')],
  ['元', money('CNY')],
  ['美元', money('USD')],
  ['欧元', money('EUR')],
  ['港元', money('HKD')],
  ['平方米', { base: 'm2', kind: 'area', power: 0, scalable: true }],
  ['平方公里', { base: 'm2', kind: 'area', power: 6, scalable: true }],
  ['平方千米', { base: 'm2', kind: 'area', power: 6, scalable: true }],
  ['公顷', { base: 'm2', kind: 'area', power: 4, scalable: true }],
  // 1 亩 = 10000/15 m2 has no exact decimal, so 亩 keeps its own base unit.
  ['亩', { base: 'mu', kind: 'area', power: 0, scalable: true }],
  ['人次', { base: 'person_time', kind: 'count', power: 0, scalable: true }],
  ['人', person],
  ['名', person],
  ['位', person],
  ['%', { base: 'percent', kind: 'percent_share', power: 0, scalable: false }],
  ['％', { base: 'percent', kind: 'percent_share', power: 0, scalable: false }],
  ['个百分点', { base: 'percent', kind: 'growth_rate', power: 0, scalable: false }],
  ['岁', { base: 'year_of_age', kind: 'age', power: 0, scalable: false }],
  ['周岁', { base: 'year_of_age', kind: 'age', power: 0, scalable: false }],
  ['倍', { base: 'times', kind: 'ratio', power: 0, scalable: false }],
  ['个月', { base: 'month', kind: 'duration', power: 0, scalable: false }],
  ['个工作日', { base: 'day', kind: 'duration', power: 0, scalable: false }],
  ['年', { base: 'year', kind: 'duration', power: 0, scalable: false }],
  ['天', { base: 'day', kind: 'duration', power: 0, scalable: false }],
  ['小时', { base: 'hour', kind: 'duration', power: 0, scalable: false }],
  ['分钟', { base: 'minute', kind: 'duration', power: 0, scalable: false }],
  ['公里', { base: 'm', kind: 'quantity', power: 3, scalable: true }],
  ['千米', { base: 'm', kind: 'quantity', power: 3, scalable: true }],
  ['米', { base: 'm', kind: 'quantity', power: 0, scalable: true }],
  // Mass in kilograms: 1 斤 = 0.5 kg exactly (× 5, 10^-1).
  ['吨', { base: 'kg', kind: 'quantity', power: 3, scalable: true }],
  ['公斤', { base: 'kg', kind: 'quantity', power: 0, scalable: true }],
  ['千克', { base: 'kg', kind: 'quantity', power: 0, scalable: true }],
  ['斤', { base: 'kg', kind: 'quantity', power: -1, scalable: true, factor: 5 }],
  ['立方米', { base: 'm3', kind: 'quantity', power: 0, scalable: true }],
  ['千瓦时', { base: 'kWh', kind: 'quantity', power: 0, scalable: true }],
  ['千瓦', { base: 'kW', kind: 'quantity', power: 0, scalable: true }],
  ['标准箱', { base: 'TEU', kind: 'quantity', power: 0, scalable: true }],
  ...COUNT_WORDS.map((w): [string, UnitSpec] => [w, countOf(w)]),
]);

/** Magnitude words and their powers of ten. */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['万亿', 12],
  ['亿', 8],
  ['千万', 7],
  ['百万', 6],
  ['万', 4],
]);

/** Qualifiers written between the number and the unit (900余家, 10万余件, 170多个). */
const INFIX = /^[余多]/;

/** A unit found right after a number. */
export interface UnitMatch {
  /**
   * The unit as written, without a qualifier written before it (900余家 → 家) but with one written after its
   * magnitude, which is where the report put it and what it means (10万余件: just over 100 000; 10余万件 would be
   * 100 000 to 200 000).
   */
  unit: string;
  /** Characters the unit occupies in the text, infix qualifier included. */
  length: number;
  /** Infix qualifier, or empty. */
  qualifier: string;
  spec: UnitSpec;
  /** Total power of ten, magnitude included. */
  power: number;
}

/** Words looked up by prefix: the text's prefix of each length a word has, longest first, is looked up in a set. */
interface Lexicon {
  words: ReadonlySet<string>;
  lengths: readonly number[];
}

const lexicon = (words: Iterable<string>): Lexicon => {
  const set = new Set(words);
  return { words: set, lengths: [...new Set(Array.from(set, (w) => w.length))].sort((a, b) => b - a) };
};
const UNIT_WORDS = lexicon(UNITS.keys());
const MAGNITUDE_WORDS = lexicon(MAGNITUDES.keys());

/** The longest word of `lexicon` that `s` starts with. */
function longestPrefix(s: string, { words, lengths }: Lexicon): string | undefined {
  for (const length of lengths) {
    const prefix = s.slice(0, length);
    if (words.has(prefix)) return prefix;
  }
  return undefined;
}

/**
 * Reads the unit that starts at `pos` (just after a number): an optional 余/多, an optional
 * magnitude, another optional 余/多 and a unit from {@link UNITS}. Returns null when no unit follows.
 */
export function matchUnit(text: string, pos: number): UnitMatch | null {
  const rest = text.slice(pos, pos + 12);
  let i = 0;
  let qualifier = '';
  const readInfix = (): void => {
    const m = INFIX.exec(rest.slice(i));
    if (m && !qualifier) {
      qualifier = m[0];
      i += m[0].length;
    }
  };
  readInfix();
  const magnitude = longestPrefix(rest.slice(i), MAGNITUDE_WORDS);
  let unitWritten = '';
  let power = 0;
  if (magnitude) {
    const unitAfter = longestPrefix(rest.slice(i + magnitude.length), UNIT_WORDS);
    const infixThenUnit = !qualifier && INFIX.test(rest.slice(i + magnitude.length));
    if (unitAfter || infixThenUnit) {
      unitWritten = magnitude;
      power = MAGNITUDES.get(magnitude) ?? 0;
      i += magnitude.length;
      const before = qualifier;
      readInfix();
      if (qualifier !== before) unitWritten += qualifier;
    }
  }
  const key = longestPrefix(rest.slice(i), UNIT_WORDS);
  if (!key) return null;
  const spec = UNITS.get(key);
  if (!spec || (unitWritten && !spec.scalable)) return null;
  return {
    unit: unitWritten + key,
    length: i + key.length,
    qualifier: qualifier === '多' || qualifier === '余' ? qualifier : '',
    spec,
    power: power + spec.power,
  };
}
