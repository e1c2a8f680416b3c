/**
 * Reviewed overrides: corrections of indicator, subject or category that rules cannot decide,
 * keyed by document and the figure's start offset.
 */
import Papa from 'papaparse';
import { AGGREGATION_CLASSES, CATEGORIES } from './types';
import type { FigureRow, Override } from './types';

/** Columns of `overrides.csv`, in order. */
export const OVERRIDE_COLUMNS = ['doc_id', 'start', 'field', 'value', 'note'] as const;

const FIELDS = new Set<string>(['indicator', 'subject', 'category', 'agg']);

/** Parses `overrides.csv` text; throws on a malformed row so a bad review never passes silently. */
export function parseOverridesCsv(csv: string): Override[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`overrides.csv: ${parsed.errors[0]?.message ?? 'parse error'}`);
  return parsed.data.map((r, i) => {
    const start = Number(r.start);
    const field = r.field ?? '';
    if (!r.doc_id || !Number.isInteger(start) || !FIELDS.has(field) || r.value === undefined) {
      throw new Error(`overrides.csv row ${i + 2}: needs doc_id, integer start, field in indicator|subject|category|agg, value`);
    }
    return { doc_id: r.doc_id, start, field: field as Override['field'], value: r.value };
  });
}

/**
 * Applies overrides to rows of one document. An override whose offset matches no figure throws:
 * it is stale (the text or the rules changed) and must be reviewed again.
 */
export function applyOverrides(rows: FigureRow[], overrides: readonly Override[]): FigureRow[] {
  const byStart = new Map(rows.map((r) => [r.start, r]));
  for (const o of overrides) {
    const row = byStart.get(o.start);
    if (!row || row.doc_id !== o.doc_id) throw new Error(`stale override: ${o.doc_id} @${o.start} (${o.field})`);
    if (o.field === 'category') {
      const category = CATEGORIES.find((c) => c === o.value);
      if (!category) throw new Error(`override ${o.doc_id} @${o.start}: unknown category ${o.value}`);
      row.category = category;
    } else if (o.field === 'agg') {
      const agg = AGGREGATION_CLASSES.find((c) => c === o.value);
      if (!agg) throw new Error(`override ${o.doc_id} @${o.start}: unknown aggregation class ${o.value}`);
      row.agg = agg;
    } else row[o.field] = o.value;
  }
  return rows;
}
