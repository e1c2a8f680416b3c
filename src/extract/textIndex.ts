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

// Characters are compared by code: reading `text[i]` of a Chinese text makes a new string for every character.
const codes = (chars: string): ReadonlySet<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const SENTENCE_END = codes('。！？!?\n');
const CLAUSE_END = codes('。！？!?\n,，;；:：');
const COMMA = ','.charCodeAt(0);

/** Whether the character at `i` ends a clause (a comma between digits, as in 1,234, does not). */
export function isClauseEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!CLAUSE_END.has(c)) return false;
  if (c === COMMA && /\d/.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) return false;
  return true;
}

/** Whether the character at `i` ends a sentence. */
export function isSentenceEnd(text: string, i: number): boolean {
  return SENTENCE_END.has(text.charCodeAt(i));
}

/** Index of the first of the ascending `offsets` that is at or after `pos` (`offsets.length` when none is). */
function firstAtOrAfter(offsets: readonly number[], pos: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid] ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the units of one kind (sentences, clauses …) of a text begin and end around an offset. */
export interface TextUnits {
  /** Start of the unit containing `pos`: just past the last end before `pos`, or 0. */
  start(pos: number): number;
  /** End (exclusive) of the unit containing `pos`: the first end at or after `pos`, or the text's end. */
  end(pos: number): number;
}

/**
 * The units of `text` that `isEnd` delimits. The text is read once, here; each question is then a binary search,
 * so asking for every figure costs no rescan of its sentence or clause.
 */
export function textUnits(text: string, isEnd: (t: string, i: number) => boolean): TextUnits {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) if (isEnd(text, i)) ends.push(i);
  return {
    start: (pos) => {
      const k = firstAtOrAfter(ends, pos);
      return k === 0 ? 0 : (ends[k - 1] ?? -1) + 1;
    },
    end: (pos) => ends[firstAtOrAfter(ends, pos)] ?? Math.max(pos, text.length),
  };
}

/**
 * Every match of the global regex `re` in `s`, as `s.matchAll(re)` gives them, without the copy of `re` that
 * matchAll makes on every call: for the short texts a figure's rules read, that copy costs more than the search.
 */
export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  if (!re.global || re.unicode) throw new Error(`allMatches needs a global, non-unicode regex: ${re}`);
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    found.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return found;
}
