/**
 * Number tokens and the named reasons a number is not a figure (dates, labels, codes, contacts …).
 */

/** Why a run of digits is not extracted as a figure. */
export const EXCLUSION_REASONS = [
  'boilerplate',
  'email_or_url',
  'phone',
  'address',
  'code',
  'cohort_label',
  'enumeration',
  'year_as_name',
  'date',
  'title',
  'ordinal',
] as const;

/** One exclusion reason. */
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** A number as written: digits, an optional decimal part, optional thousands commas. */
export interface NumberToken {
  start: number;
  end: number;
  raw: string;
}

const NUMBER = /[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9０-９]+(?:[.．][0-9０-９]+)?/g;

/** Every number token in the text, in order. */
export function findNumberTokens(text: string): NumberToken[] {
  return [...text.matchAll(NUMBER)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }));
}

/** Page furniture of government portals: header, footer and CMS residue lines. */
const BOILERPLATE_LINE =
  /(发布日期|发布时间|发布机构|来源[:：]|字号[:：]|扫一扫|当前位置|浏览次数|访问量|打印本页|关闭窗口|网站标识码|ICP备|公网安备|[A-Za-z_]+=[^&\n]*&[A-Za-z_]+=)/;

/** Whether a whole line is page boilerplate rather than report text. */
export function isBoilerplateLine(line: string): boolean {
  return BOILERPLATE_LINE.test(line);
}

/** A line as the exclusion rules read it, judged once for all of its numbers. */
export interface ExclusionLine {
  text: string;
  boilerplate: boolean;
  /** Offset of the line's first non-space character (the line's length when it has none). */
  indent: number;
}

export const exclusionLine = (text: string): ExclusionLine =>
  ({ text, boilerplate: isBoilerplateLine(text), indent: /\S/.exec(text)?.index ?? text.length });

/** A year written in digits: 1900–2099. */
const isYear = (raw: string): boolean => /^(19|20)\d{2}$/.test(raw);

/** What may follow 年 when a year is a time reference rather than part of a name. */
const YEAR_AS_TIME = /^年(?:[0-9０-９]|度|以来|底|末|初|上半年|下半年|前|第|一季度|二季度|三季度|四季度|全年|内|中|至|到|[-—–~]|[,，、;；。)）]|$)/;

function insideBrackets(before: string, after: string, open: string, close: string): boolean {
  const o = before.lastIndexOf(open);
  if (o === -1 || before.lastIndexOf(close) > o) return false;
  const c = after.indexOf(close);
  const reopen = after.indexOf(open);
  return c !== -1 && (reopen === -1 || c < reopen);
}

/** Reads context around a token: up to `n` characters before and after, within the line. */
function around(lineText: string, col: number, len: number, n = 40): { b: string; a: string } {
  return { b: lineText.slice(Math.max(0, col - n), col), a: lineText.slice(col + len, col + len + n) };
}

/**
 * The reason a number token is not a figure, or null if it may be one. `line` is the whole line containing the
 * token and `col` the token's offset within it. Only the 60 characters either side are read, so a long line
 * costs each of its numbers no more than a short one.
 */
export function exclusionFor(tok: NumberToken, line: ExclusionLine, col: number): ExclusionReason | null {
  const raw = tok.raw;
  const len = raw.length;
  if (line.boilerplate) return 'boilerplate';
  const { b, a } = around(line.text, col, len, 60);
  const word = /[A-Za-z0-9._%+\-@/:]*$/.exec(b)?.[0] ?? '';
  const wordAfter = /^[A-Za-z0-9._%+\-@/:]*/.exec(a)?.[0] ?? '';
  if (/@|https?:|www\./i.test(word + raw + wordAfter)) return 'email_or_url';
  if (/(电话|传真|热线|手机|联系方式)[:：]?\s*[0-9\-－—()（）\s]*$/.test(b)) return 'phone';
  if (/^(?:[、,][0-9]+)*(?:号楼|号院|号|房间|室|地块)/.test(a)) return 'address';
  if (/[A-Za-z]$/.test(b) || /^[A-Za-z]/.test(a)) return 'code';
  if (/[0-9A-Za-z]\s*[+＋]\s*$/.test(b) || /^\s*[+＋]\s*[0-9A-Za-z]/.test(a)) return 'code';
  if (/^(50|60|70|80|90|00|05|10)$/.test(raw) && a.startsWith('后')) return 'cohort_label';
  if (col <= line.indent && /^[.．、)）](?![0-9])/.test(a)) return 'enumeration';
  if (/[(（]$/.test(b) && /^[)）]/.test(a)) return 'enumeration';
  if (/(?:^|[。；;:：])\s*$/.test(b) && /^[.．、](?![0-9])/.test(a)) return 'enumeration';
  if (isYear(raw) && (insideBrackets(b, a, '《', '》') || (/^年[\u4e00-\u9fff“]/.test(a) && !YEAR_AS_TIME.test(a)))) {
    return 'year_as_name';
  }
  if (isDate(raw, b, a)) return 'date';
  if (insideBrackets(b, a, '《', '》')) return 'title';
  if (/第$/.test(b)) return 'ordinal';
  return null;
}

function isDate(raw: string, b: string, a: string): boolean {
  if (/^[:：][0-9]{2}/.test(a) || /[0-9][:：]$/.test(b)) return true; // clock time
  if (isYear(raw) && /^[-/.][0-9]{1,2}[-/.][0-9]{1,2}/.test(a)) return true; // 2022-08-04
  if (/(?:^|[^0-9])(19|20)[0-9]{2}[-/.]([0-9]{1,2}[-/.])?$/.test(b) && /^[0-9]{1,2}$/.test(raw)) return true;
  if (isYear(raw) && (a.startsWith('年') || /^\s*[-—–~至到]\s*(19|20)[0-9]{2}/.test(a))) return true;
  if (isYear(raw) && /(?:^|[^0-9])(19|20)[0-9]{2}\s*[-—–~至到]\s*$/.test(b)) return true;
  const n = Number(raw);
  if (!/^[0-9]{1,2}$/.test(raw)) return false;
  if (n >= 1 && n <= 12 && /^(?:月|\s*[-—–~至到]\s*[0-9]{1,2}\s*月)/.test(a)) return true;
  if (n >= 1 && n <= 31 && /^[日号]/.test(a) && /月$/.test(b)) return true;
  if (n >= 1 && n <= 31 && /^日/.test(a)) return true;
  return false;
}
