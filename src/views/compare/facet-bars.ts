import type { Dimension, FacetRow } from '../../queries';
import { dimensionValueLabel } from '../../i18n/zh';

/** One bar of a facet list: a value, its count under the other filters, and how it is shown. */
export interface FacetBar {
  value: string;
  /** The value as readers know it (category names in Chinese, 未标注 for none). */
  label: string;
  count: number;
  /** The bar's length: the count over the largest count shown (0–1). */
  share: number;
  selected: boolean;
  /** Drawn muted: a selection exists on this dimension and this value is not in it. */
  muted: boolean;
}

/**
 * The bars of one dimension's facet list: the `limit` values with most figures under the other filters,
 * largest first (ties by value), each with its share of the largest. Selected values are always listed (with 0
 * when the other filters leave them no figure), so each can be switched off where it was switched on.
 */
export function facetBars(dimension: Dimension, rows: readonly FacetRow[], selected: readonly string[], limit = 15): FacetBar[] {
  const counted = rows.filter((r) => r.dimension === dimension)
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const top = counted.slice(0, limit);
  for (const value of selected) {
    if (top.some((r) => r.value === value)) continue;
    top.push(counted.find((r) => r.value === value) ?? { dimension, value, count: 0 });
  }
  const largest = Math.max(1, ...top.map((r) => r.count));
  return top.map((r) => ({
    value: r.value,
    label: dimensionValueLabel(dimension, r.value),
    count: r.count,
    share: r.count / largest,
    selected: selected.includes(r.value),
    muted: selected.length > 0 && !selected.includes(r.value),
  }));
}
