/**
 * Reviewed overrides: corrections of what rules cannot decide (indicator, subject, category, class, metric, basis,
 * data year, place),
 * keyed by document and the figure's start offset.
 */
import { BASES } from './basis';
import { METRIC_IDS } from './metrics';
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
    } else if (o.field === 'metric') {
      if (o.value !== '' && !METRIC_IDS.has(o.value)) throw new Error(`override ${o.doc_id} @${o.start}: unknown metric ${o.value}`);
      row.metric = o.value;
    } else if (o.field === 'basis') {
      const basis = BASES.find((b) => b === o.value);
      if (!basis) throw new Error(`override ${o.doc_id} @${o.start}: unknown basis ${o.value}`);
      row.basis = basis;
    } else if (o.field === 'data_year') {
      if (o.value !== '' && !/^(?:19|20)[0-9]{2}$/.test(o.value)) throw new Error(`override ${o.doc_id} @${o.start}: data_year ${o.value} is no year`);
      row.data_year = o.value === '' ? null : Number(o.value);
    } else row[o.field] = o.value;
  }
  return rows;
}
