/** The app's typed view of one row of `data/figures.csv` (or of the `figures` table). */
import type { CATEGORIES, FigureRow } from '../extract';
import { FIGURE_COLUMNS, NUMERIC_FIGURE_COLUMNS } from '../extract/types';

// One source of truth for the contract's vocabularies: the extractor that writes figures.csv.
export { CATEGORIES, KINDS } from '../extract/types';

/** Common base units (the synthetic benchmark tables draw from them); counts keep their measure word. */
export const BASE_UNITS = ['CNY', 'USD', 'm2', '个', '家', '项', 'person', 'person_time', 'percent', 'year_of_age'] as const;

export type Category = (typeof CATEGORIES)[number];

/**
 * One figure as the app holds it: the extractor's row with its value and base value as numbers, and kind and
 * category as plain text (a loaded CSV may use values this build does not know).
 */
export type FigureRecord = Omit<FigureRow, 'value' | 'value_base' | 'kind' | 'category' | 'agg'> & {
  value: number;
  value_base: number;
  kind: string;
  category: string;
  agg: string;
};

// The fields as the schema declares them: numbers where its type is numeric, text elsewhere.
const NUMBER_FIELDS = NUMERIC_FIGURE_COLUMNS;
const TEXT_FIELDS = FIGURE_COLUMNS.filter((c) => !NUMERIC_FIGURE_COLUMNS.includes(c));
const REQUIRED_TEXT = ['id', 'doc_id', 'unit', 'base_unit', 'kind', 'quote'] as const;
/** Numbers that may be missing (empty in the CSV, NULL in the engine): the year a figure describes. */
const OPTIONAL_NUMBERS: ReadonlySet<string> = new Set(['data_year']);

/** A field that does not hold what the figures contract says, located by row (1-based, header = 1) and column. */
export class FigureFieldError extends Error {
  constructor(
    readonly row: number,
    readonly column: string,
    detail: string,
  ) {
    super(`Row ${row}, column "${column}": ${detail}`);
    this.name = 'FigureFieldError';
  }
}

function toNumber(raw: unknown, row: number, column: string): number {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  throw new FigureFieldError(row, column, `expected a number, found ${JSON.stringify(raw ?? '')}`);
}

/**
 * Converts a loosely typed record (CSV strings or DuckDB values, NULL for empty) to a {@link FigureRecord},
 * failing with the row and column of the first bad field.
 */
export function toFigureRecord(source: Record<string, unknown>, row: number): FigureRecord {
  const out: Record<string, string | number> = {};
  for (const column of TEXT_FIELDS) {
    const raw = source[column];
    if (raw !== null && raw !== undefined && typeof raw !== 'string') {
      throw new FigureFieldError(row, column, `expected text, found ${typeof raw}`);
    }
    out[column] = raw ?? '';
  }
  for (const column of REQUIRED_TEXT) {
    if (out[column] === '') throw new FigureFieldError(row, column, 'is empty');
  }
  const optional: Record<string, null> = {};
  for (const column of NUMBER_FIELDS) {
    const raw = source[column];
    if (OPTIONAL_NUMBERS.has(column) && (raw === null || raw === undefined || raw === '')) optional[column] = null;
    else out[column] = toNumber(raw, row, column);
  }
  return { ...out, ...optional } as unknown as FigureRecord;
}
