import type { FigureRecord } from '../../data/figure-record';

/** A run of a paragraph: plain text, or a figure (the current one highlighted, others linkable). */
export interface Segment {
  text: string;
  figureId?: string;
  current?: boolean;
}

/** Start and end offsets of a 1-based line (text split on `\n`). */
export function lineBounds(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next === -1) throw new Error(`The text has fewer than ${line} lines`);
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return { start, end: end === -1 ? text.length : end };
}

/**
 * The paragraph (line) that holds `figure`, cut into segments so that every figure on it can be shown as a
 * mark or a link. Offsets are checked: a figure whose span lies outside its line is an error in the data.
 */
export function paragraphSegments(text: string, figure: FigureRecord, lineFigures: readonly FigureRecord[]): Segment[] {
  const { start, end } = lineBounds(text, figure.line);
  const spans = [...lineFigures]
    .filter((f) => f.line === figure.line && f.doc_id === figure.doc_id)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = start;
  for (const f of spans) {
    if (f.start < cursor || f.end > end) {
      if (f.id === figure.id) throw new Error(`Figure ${f.id} does not lie within line ${f.line} of its document`);
      continue; // an overlapping neighbour is shown as text
    }
    if (f.start > cursor) segments.push({ text: text.slice(cursor, f.start) });
    segments.push({ text: text.slice(f.start, f.end), figureId: f.id, current: f.id === figure.id });
    cursor = f.end;
  }
  if (cursor < end) segments.push({ text: text.slice(cursor, end) });
  return segments.map((s, i) => (i === 0 ? { ...s, text: s.text.trimStart() } : s));
}

/** The figures just before and after `figure` in its document. */
export function neighbours(figure: FigureRecord, all: readonly FigureRecord[]) {
  const own = all.filter((f) => f.doc_id === figure.doc_id).sort((a, b) => a.start - b.start);
  const i = own.findIndex((f) => f.id === figure.id);
  return { previous: i > 0 ? own[i - 1] : undefined, next: i >= 0 ? own[i + 1] : undefined };
}
