/**
 * The first pass over a document: every number token is either excluded for a named reason,
 * recognised as a figure candidate (number + unit + qualifier), or left unaccounted.
 */
import { exclusionFor, exclusionLine, findNumberTokens } from './exclusions';
import type { ExclusionLine, ExclusionReason, NumberToken } from './exclusions';
import { lineOf, lineStarts } from './textIndex';
import { matchUnit } from './units';
import type { UnitMatch } from './units';

/** A number followed by a unit, with its qualifier and extent. */
export interface Candidate {
  token: NumberToken;
  unit: UnitMatch;
  /** Normalised qualifier (约, 余, 多, 以上, 以下, 近, 超, 不足) or empty. */
  qualifier: string;
  /** Offset where the figure's words start (prefix qualifier included). */
  outerStart: number;
  /** Offset just past the unit. */
  end: number;
  /** Offset past any suffix qualifier. */
  outerEnd: number;
  /** 1-based line. */
  line: number;
}

/** What the first pass made of one number token. */
export type Scanned =
  | { token: NumberToken; line: number; status: 'candidate'; candidate: Candidate }
  | { token: NumberToken; line: number; status: 'excluded'; reason: ExclusionReason }
  | { token: NumberToken; line: number; status: 'unaccounted' };

const PREFIX: ReadonlyArray<readonly [RegExp, string]> = [
  // 签约/节约/制约 end in 约 but qualify nothing (新签约10亿元以上项目).
  [/(?:约为|大约|(?<![签节制预合契公])约)$/, '约'],
  [/(?:将近|接近|近)$/, '近'],
  [/(?:超过|超|逾)$/, '超'],
  [/(?:不足|不到)$/, '不足'],
];
const SUFFIX: ReadonlyArray<readonly [RegExp, string]> = [
  [/^及?以上/, '以上'],
  [/^(?:及?以下|以内)/, '以下'],
  [/^左右/, '约'],
];

/** The unit of a number a reviewer added with no unit after it: nothing written, counted as a bare count. */
const NO_UNIT: UnitMatch = { unit: '', length: 0, qualifier: '', power: 0, spec: { base: 'count', kind: 'count', power: 0, scalable: false } };

/**
 * Classifies every number token of `text`; the tokens starting at an offset of `include` (a reviewer's
 * additions) are never excluded by a rule, and are candidates even with no unit after them.
 */
export function scanNumbers(text: string, include: ReadonlySet<number> = new Set()): Scanned[] {
  const starts = lineStarts(text);
  // Tokens come in text order: each line is read and judged once, for its first token.
  let judged: { line: number; read: ExclusionLine } | undefined;
  return findNumberTokens(text).map((token): Scanned => {
    const line = lineOf(starts, token.start);
    const lineStart = starts[line - 1] ?? 0;
    if (judged?.line !== line) {
      const lineEnd = starts[line] ?? text.length + 1;
      judged = { line, read: exclusionLine(text.slice(lineStart, lineEnd - 1)) };
    }
    const reason = include.has(token.start) ? null : exclusionFor(token, judged.read, token.start - lineStart);
    if (reason) return { token, line, status: 'excluded', reason };
    const unit = matchUnit(text, token.end) ?? (include.has(token.start) ? NO_UNIT : null);
    if (!unit) return { token, line, status: 'unaccounted' };
    const end = token.end + unit.length;
    const before = text.slice(Math.max(lineStart, token.start - 4), token.start);
    const after = text.slice(end, end + 4);
    let qualifier = unit.qualifier;
    let outerStart = token.start;
    let outerEnd = end;
    for (const [re, q] of PREFIX) {
      const m = re.exec(before);
      if (m && !qualifier) {
        qualifier = q;
        outerStart = token.start - m[0].length;
      }
    }
    for (const [re, q] of SUFFIX) {
      const m = re.exec(after);
      if (m && !qualifier) {
        qualifier = q;
        outerEnd = end + m[0].length;
      }
    }
    return { token, line, status: 'candidate', candidate: { token, unit, qualifier, outerStart, end, outerEnd, line } };
  });
}
