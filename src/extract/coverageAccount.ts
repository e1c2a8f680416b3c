/**
 * The coverage account: every run of digits in a text is either part of an extracted figure or
 * excluded for a named reason; anything else is reported as unaccounted.
 */
import type { ExclusionReason } from './exclusions';
import { scanNumbers, type Scanned } from './scanNumbers';
import { lineOf, lineStarts } from './textIndex';
import type { FigureRow } from './types';

/** How one run of digits was accounted for. */
export interface DigitRunEntry {
  /** Offset of the run's first digit. */
  start: number;
  end: number;
  /** The digits. */
  digits: string;
  line: number;
  status: 'extracted' | 'excluded' | 'unaccounted';
  /** Exclusion reason, present when status is `excluded`. */
  reason?: ExclusionReason;
  /** Id of the figure row, present when status is `extracted`. */
  figureId?: string;
}

/** The whole account, with counts per status and per reason. */
export interface CoverageAccount {
  entries: DigitRunEntry[];
  extracted: number;
  excluded: number;
  unaccounted: number;
  byReason: Partial<Record<ExclusionReason, number>>;
}

const DIGIT_RUN = /[0-9０-９]+/g;

/**
 * Accounts for every digit run of `text` against the extracted `rows`: a run inside a row's
 * `[start, end)` is extracted; otherwise the extractor's exclusion reason is given, or it is unaccounted.
 * `numbers` are the text's numbers as the rows were extracted from them: with a reviewer's additions, pass
 * `scanNumbers(text, new Set(include))`.
 */
export function coverageAccount(text: string, rows: readonly FigureRow[], numbers: readonly Scanned[] = scanNumbers(text)): CoverageAccount {
  const starts = lineStarts(text);
  const spans = [...rows].sort((a, b) => a.start - b.start);
  const excluded = numbers.flatMap((s) => (s.status === 'excluded' ? [s] : []));
  const entries: DigitRunEntry[] = [];
  let si = 0;
  let ei = 0;
  for (const m of text.matchAll(DIGIT_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    while (si < spans.length && (spans[si]?.end ?? 0) <= start) si++;
    while (ei < excluded.length && (excluded[ei]?.token.end ?? 0) <= start) ei++;
    const digits = m[0];
    const line = lineOf(starts, start);
    const row = spans[si];
    const ex = excluded[ei];
    if (row && row.start <= start && end <= row.end) entries.push({ start, end, digits, line, status: 'extracted', figureId: row.id });
    else if (ex && ex.token.start <= start && end <= ex.token.end) entries.push({ start, end, digits, line, status: 'excluded', reason: ex.reason });
    else entries.push({ start, end, digits, line, status: 'unaccounted' });
  }
  const byReason: Partial<Record<ExclusionReason, number>> = {};
  for (const e of entries) if (e.reason) byReason[e.reason] = (byReason[e.reason] ?? 0) + 1;
  const count = (s: DigitRunEntry['status']): number => entries.filter((e) => e.status === s).length;
  return { entries, extracted: count('extracted'), excluded: count('excluded'), unaccounted: count('unaccounted'), byReason };
}
