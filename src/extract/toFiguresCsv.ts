/**
 * CSV serialisation of figure rows (RFC 4180, `\n` line ends, header row).
 */
import { FIGURE_COLUMNS } from './types';
import type { FigureRow } from './types';

/** Quotes a field only when it holds a comma, quote, CR or LF; quotes inside are doubled; null is empty. */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Serialises rows under a header of {@link FIGURE_COLUMNS}; every line, the last included, ends in `\n`. */
export function toFiguresCsv(rows: readonly FigureRow[]): string {
  const lines = [FIGURE_COLUMNS.join(',')];
  for (const row of rows) lines.push(FIGURE_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}
