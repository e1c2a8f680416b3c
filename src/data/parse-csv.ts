import Papa from 'papaparse';
import { toFigureRecord, FigureFieldError, type FigureRecord } from './figure-record';

/** A malformed CSV: the message names the row (1-based, header = row 1) and, where known, the column. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * Parses a CSV with a header row into records, checking that every expected column is present and that no
 * row has more or fewer fields than the header.
 */
export function parseCsvRecords(text: string, expectedColumns: readonly string[]): Record<string, string>[] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [firstError] = result.errors;
  if (firstError) {
    const row = (firstError.row ?? 0) + 1;
    throw new CsvError(`Row ${row}: ${firstError.message}`, row);
  }
  const [header, ...body] = result.data;
  if (!header) throw new CsvError('The file is empty: expected a header row', 1);
  const missing = expectedColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CsvError(`Row 1: missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}`, 1, missing[0]);
  }
  return body.map((fields, i) => {
    const row = i + 2;
    if (fields.length !== header.length) {
      const column = header[Math.min(fields.length, header.length - 1)];
      throw new CsvError(
        `Row ${row}: expected ${header.length} fields, found ${fields.length} (from column "${column}")`,
        row,
        column,
      );
    }
    const record: Record<string, string> = {};
    header.forEach((name, j) => (record[name] = fields[j] ?? ''));
    return record;
  });
}

/** Parses `figures.csv` text into typed records; a bad field fails with its row and column. */
export function parseFiguresCsv(text: string, columns: readonly string[]): FigureRecord[] {
  return parseCsvRecords(text, columns).map((record, i) => {
    try {
      return toFigureRecord(record, i + 2);
    } catch (error) {
      if (error instanceof FigureFieldError) throw new CsvError(error.message, error.row, error.column);
      throw error;
    }
  });
}
