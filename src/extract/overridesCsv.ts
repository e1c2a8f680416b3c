/**
 * `overrides.csv`, the reviewed overrides of the shipped documents, read into {@link Override}s (the CLI and the
 * tests read it; the browser's reports keep their corrections with the report, so the worker never loads a CSV parser).
 */
import Papa from 'papaparse';
import { OVERRIDE_FIELDS, type Override } from './types';

/** Columns of `overrides.csv`, in order. */
export const OVERRIDE_COLUMNS = ['doc_id', 'start', 'field', 'value', 'note'] as const;

const FIELDS = new Set<string>(OVERRIDE_FIELDS);

/** Parses `overrides.csv` text; throws on a malformed row so a bad review never passes silently. */
export function parseOverridesCsv(csv: string): Override[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`overrides.csv: ${parsed.errors[0]?.message ?? 'parse error'}`);
  return parsed.data.map((r, i) => {
    const start = Number(r.start);
    const field = r.field ?? '';
    if (!r.doc_id || !Number.isInteger(start) || !FIELDS.has(field) || r.value === undefined) {
      throw new Error(`overrides.csv row ${i + 2}: needs doc_id, integer start, field in ${OVERRIDE_FIELDS.join('|')}, value`);
    }
    return { doc_id: r.doc_id, start, field: field as Override['field'], value: r.value };
  });
}
