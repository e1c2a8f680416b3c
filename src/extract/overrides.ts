/**
 * Reviewed overrides: corrections of indicator, subject or category that rules cannot decide,
 * keyed by document and the figure's start offset.
 */
import { AGGREGATION_CLASSES, CATEGORIES } from './types';
import type { FigureRow, Override } from './types';

/**
 * Applies overrides to rows of one document. An override whose offset matches no figure throws:
 * it is stale (the text or the rules changed) and must be reviewed again.
 */
export function applyOverrides(rows: FigureRow[], overrides: readonly Override[]): FigureRow[] {
  if (overrides.length === 0) return rows;
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
