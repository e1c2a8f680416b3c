/**
 * Period phrases: the as-of date or span a figure refers to (截至2021年10月, 2021年1-10月, 上半年 …).
 */
import { allMatches } from './textIndex';

/** A period phrase found in the text. */
export interface Period {
  /** The phrase as written. */
  text: string;
  /** ISO date the period ends, or empty when it cannot be known. */
  end: string;
  /** ISO date a span begins; empty for a point in time (截至…, 目前) or when it cannot be known. */
  from: string;
  /** Offset of the phrase's first character. */
  start: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function monthEnd(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

function day(year: number, month: number, d: number): string {
  return `${year}-${pad(month)}-${pad(d)}`;
}

const Y = '((?:19|20)[0-9]{2})年';
const RANGE = '\\s*[-—–~至到]\\s*';
const QUARTER_END: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };

interface Rule {
  re: RegExp;
  end: (m: RegExpExecArray, published: string) => string;
  /** The span's first day; a rule without it states a point in time. */
  from?: (m: RegExpExecArray, published: string) => string;
}

const num = (s: string | undefined): number => Number(s ?? '0');
const publishedYear = (published: string): number => Number(published.slice(0, 4));

const yearStart = (m: RegExpExecArray): string => `${m[1]}-01-01`;

/** Period rules, most specific first; each regex is global and matched over a sentence. */
const RULES: Rule[] = [
  {
    re: new RegExp(`(?:截至|截止到?|到)${Y}([0-9]{1,2})月(?:([0-9]{1,2})日|底|末)?`, 'g'),
    end: (m) => (m[3] ? day(num(m[1]), num(m[2]), num(m[3])) : monthEnd(num(m[1]), num(m[2]))),
  },
  { re: new RegExp(`(?:截至|截止到?|到)${Y}(?:底|末)`, 'g'), end: (m) => `${m[1]}-12-31` },
  {
    re: new RegExp(`${Y}([0-9]{1,2})月?${RANGE}([0-9]{1,2})月(?:份)?`, 'g'),
    end: (m) => monthEnd(num(m[1]), num(m[3])),
    from: (m) => day(num(m[1]), num(m[2]), 1),
  },
  {
    re: new RegExp(`${Y}([0-9]{1,2})月([0-9]{1,2})日`, 'g'),
    end: (m) => day(num(m[1]), num(m[2]), num(m[3])),
    from: (m) => day(num(m[1]), num(m[2]), num(m[3])),
  },
  { re: new RegExp(`${Y}上半年`, 'g'), end: (m) => `${m[1]}-06-30`, from: yearStart },
  { re: new RegExp(`${Y}(?:前三季度|1-3季度)`, 'g'), end: (m) => `${m[1]}-09-30`, from: yearStart },
  {
    re: new RegExp(`${Y}(?:第)?([一二三四1-4])季度`, 'g'),
    end: (m) => monthEnd(num(m[1]), QUARTER_END[m[2] ?? ''] ?? 12),
    from: (m) => day(num(m[1]), (QUARTER_END[m[2] ?? ''] ?? 12) - 2, 1),
  },
  { re: new RegExp(`${Y}以来`, 'g'), end: (_m, published) => published, from: yearStart },
  {
    re: new RegExp(`${Y}([0-9]{1,2})月(?!份?[0-9])`, 'g'),
    end: (m) => monthEnd(num(m[1]), num(m[2])),
    from: (m) => day(num(m[1]), num(m[2]), 1),
  },
  { re: new RegExp(`${Y}(?:全年|度)?(?=[,，])`, 'g'), end: (m) => `${m[1]}-12-31`, from: yearStart },
  {
    re: /(?:今年|本年)以来/g,
    end: (_m, published) => published,
    from: (_m, published) => (published ? `${publishedYear(published)}-01-01` : ''),
  },
  {
    re: new RegExp(`(?:今年|本年)([0-9]{1,2})月?${RANGE}([0-9]{1,2})月(?:份)?`, 'g'),
    end: (m, published) => (published ? monthEnd(publishedYear(published), num(m[2])) : ''),
    from: (m, published) => (published ? day(publishedYear(published), num(m[1]), 1) : ''),
  },
  { re: /截至目前|目前|当前/g, end: (_m, published) => published },
  {
    re: /(?:今年)?(上半年|前三季度)/g,
    end: (m, published) =>
      published ? `${publishedYear(published)}-${m[1] === '上半年' ? '06-30' : '09-30'}` : '',
    from: (_m, published) => (published ? `${publishedYear(published)}-01-01` : ''),
  },
];

/**
 * What every rule's phrase holds (a year, 今年/本年, 目前/当前, a half or three quarters): a sentence without any names
 * no period, and one search says so. A new rule's phrase must hold one of these too.
 */
const ANY_PERIOD = /(?:19|20)[0-9]{2}年|今年|本年|目前|当前|上半年|前三季度/;

const isMonthEnd = (iso: string): boolean => iso === monthEnd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
const ymd = (iso: string): [number, number, number] => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];

/**
 * The canonical label of a period, made from its ISO dates alone, so every spelling of one period reads the
 * same: 2021年1至10月 and 2021年1-10月 are both "2021年1-10月", 2021年前三季度 and 2021年1-9月 "2021年前三季度",
 * 截至2021年10月底 "截至2021年10月". A point in time has no `from`. `written` is used only when the dates are unknown.
 */
export function periodLabel(from: string, end: string, written = ''): string {
  if (!end) return written;
  const [y, m, d] = ymd(end);
  if (!from) return isMonthEnd(end) ? `截至${y}年${m}月` : `截至${y}年${m}月${d}日`;
  const [fy, fm, fd] = ymd(from);
  if (from === end) return `${y}年${m}月${d}日`;
  if (fy === y && fd === 1 && isMonthEnd(end)) {
    if (fm === 1 && m === 12) return `${y}年`;
    if (fm === m) return `${y}年${m}月`;
    if (fm === 1 && m === 6) return `${y}年上半年`;
    if (fm === 1 && m === 9) return `${y}年前三季度`;
    return `${y}年${fm}-${m}月`;
  }
  if (fm === 1 && fd === 1) return `${fy}年以来（至${y}年${m}月${d}日）`;
  return `${fy}年${fm}月${fd}日至${y}年${m}月${d}日`;
}

/**
 * Every period phrase in `sentence` (offsets relative to `offset`), earliest first. Overlapping
 * phrases keep the first, most specific rule's match. `published` (ISO date) anchors relative phrases.
 */
export function findPeriods(sentence: string, offset: number, published = ''): Period[] {
  const found: Period[] = [];
  if (!ANY_PERIOD.test(sentence)) return found;
  const taken: Array<[number, number]> = [];
  for (const rule of RULES) {
    for (const m of allMatches(rule.re, sentence)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([ts, te]) => s < te && e > ts)) continue;
      taken.push([s, e]);
      found.push({ text: m[0], end: rule.end(m, published), from: rule.from?.(m, published) ?? '', start: offset + s });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}
