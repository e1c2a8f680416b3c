import type { FigureRecord } from '../../data/figure-record';
import { compareUnits } from '../../lib/format';

export interface UnitGroup {
  baseUnit: string;
  /** The figures drawn (largest first, capped). */
  figures: FigureRecord[];
  /** How many figures of this unit the selection holds. */
  total: number;
}

/** Text order by code units, as the engine sorts ids (not the locale's). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Splits figures into one group per base unit — only comparable figures share an axis — keeping the
 * largest `limit` of each. `totals` gives how many each unit holds when `figures` are only the largest of a
 * larger selection (as the engine ranks them).
 */
export function splitByUnit(figures: readonly FigureRecord[], limit: number, totals?: Readonly<Record<string, number>>): UnitGroup[] {
  const groups = new Map<string, FigureRecord[]>();
  for (const f of figures) {
    const group = groups.get(f.base_unit);
    if (group) group.push(f);
    else groups.set(f.base_unit, [f]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareUnits(a, b))
    .map(([baseUnit, all]) => ({
      baseUnit,
      total: Math.max(all.length, totals?.[baseUnit] ?? 0),
      // As the engine ranks them: value, then report, then place in the text.
      figures: [...all].sort((a, b) => b.value_base - a.value_base || byText(a.doc_id, b.doc_id) || a.start - b.start).slice(0, limit),
    }));
}
