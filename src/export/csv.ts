import type { ExportCell, ExportTable } from './table';

/**
 * A text cell a spreadsheet would run as a formula: one that starts with = + - @, a tab or a carriage return,
 * also after leading spaces, and also on any line after a line break inside the cell.
 */
const FORMULA_TRIGGER = /(?:^|\n)[ \u00a0\u3000]*[=+\-@\t\r]/;

/** Makes a text cell inert for spreadsheets by prefixing an apostrophe when it could start a formula. */
export function neutralise(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: ExportCell, type: 'number' | 'text'): string {
  if (value === null) return '';
  // Numbers are written as JavaScript's shortest round-trip text: 262.48, never 262.47999999999996.
  if (type === 'number' && typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quote(neutralise(String(value)));
}

/** UTF-8 byte order mark: Excel reads the file as UTF-8 (Chinese text intact) only when it is there. */
export const BOM = '\uFEFF';

/** The table as CSV text: BOM, a header of column labels, CRLF line ends, text cells neutralised. */
export function toCsv(table: ExportTable): string {
  const header = table.columns.map((c) => quote(neutralise(c.label))).join(',');
  const lines = table.rows.map((row) => table.columns.map((c) => cellText(row[c.key] ?? null, c.type)).join(','));
  return `${BOM}${[header, ...lines].join('\r\n')}\r\n`;
}
