import type { FigureRecord } from '../../data/figure-record';
import { compareUnits } from '../../lib/format';

export interface UnitGroup {
  baseUnit: string;
  /** The figures drawn (largest first, capped). */
  figures: FigureRecord[];
  /** How many figures of this unit the selection holds. */
  total: number;
}

/**
 * Splits figures into one group per base unit — only comparable figures share an axis — keeping the
 * largest `limit` of each.
 */
export function splitByUnit(figures: readonly FigureRecord[], limit: number): UnitGroup[] {
  const groups = new Map<string, FigureRecord[]>();
  for (const f of figures) groups.set(f.base_unit, [...(groups.get(f.base_unit) ?? []), f]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareUnits(a, b))
    .map(([baseUnit, all]) => ({
      baseUnit,
      total: all.length,
      figures: [...all].sort((a, b) => b.value_base - a.value_base || a.start - b.start).slice(0, limit),
    }));
}
