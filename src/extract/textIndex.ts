/**
 * Position helpers over a document: line numbers, sentence and clause boundaries.
 */

/** Line start offsets of a text split on `\n`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line number of `offset`, given {@link lineStarts}. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n']);
const CLAUSE_END = new Set([...SENTENCE_END, ',', '，', ';', '；', ':', '：']);

/** Whether the character at `i` ends a clause (a comma between digits, as in 1,234, does not). */
export function isClauseEnd(text: string, i: number): boolean {
  const c = text[i] ?? '';
  if (!CLAUSE_END.has(c)) return false;
  if (c === ',' && /\d/.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) return false;
  return true;
}

/** Whether the character at `i` ends a sentence. */
export function isSentenceEnd(text: string, i: number): boolean {
  return SENTENCE_END.has(text[i] ?? '');
}

/** Start of the unit (clause or sentence) containing `pos`, scanning back with `isEnd`. */
export function unitStart(text: string, pos: number, isEnd: (t: string, i: number) => boolean): number {
  let i = pos - 1;
  while (i >= 0 && !isEnd(text, i)) i--;
  return i + 1;
}

/** End (exclusive) of the unit containing `pos`, scanning forward with `isEnd`. */
export function unitEnd(text: string, pos: number, isEnd: (t: string, i: number) => boolean): number {
  let i = pos;
  while (i < text.length && !isEnd(text, i)) i++;
  return i;
}
