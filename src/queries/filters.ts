import { and, ident, inList, raw, sql, type SqlFragment } from '../sql';

/** The figure dimensions a user can filter and group by. */
export const DIMENSIONS = ['category', 'subject', 'kind', 'base_unit', 'section', 'period', 'indicator', 'doc_id'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Every filter a view can apply to the figures; empty lists mean "any". */
export interface FigureFilters {
  category: string[];
  subject: string[];
  kind: string[];
  base_unit: string[];
  section: string[];
  period: string[];
  indicator: string[];
  doc_id: string[];
  /** Free text, matched against indicator, subject and quote. */
  q: string;
}

export const EMPTY_FILTERS: FigureFilters = {
  category: [], subject: [], kind: [], base_unit: [], section: [], period: [], indicator: [], doc_id: [], q: '',
};

/** True when no filter is set. */
export function isEmptyFilters(f: FigureFilters): boolean {
  return f.q.trim() === '' && DIMENSIONS.every((d) => f[d].length === 0);
}

/** `coalesce(dim, '')`: NULL (an empty CSV field) filters as the empty string. */
function dimensionExpr(dimension: Dimension): SqlFragment {
  return sql`coalesce(${ident(dimension, DIMENSIONS)}, '')`;
}

/**
 * The WHERE condition for a filter state, with every value bound. `except` leaves one dimension out, for
 * facet counts ("how many figures per category under the other filters").
 */
export function filterCondition(filters: FigureFilters, except?: Dimension): SqlFragment {
  const conditions: SqlFragment[] = [];
  for (const dimension of DIMENSIONS) {
    if (dimension === except || filters[dimension].length === 0) continue;
    conditions.push(inList(dimensionExpr(dimension), filters[dimension]));
  }
  const q = filters.q.trim().toLowerCase();
  if (q !== '') {
    conditions.push(
      sql`contains(lower(coalesce(indicator, '') || ' ' || coalesce(subject, '') || ' ' || quote), ${q})`,
    );
  }
  return and(conditions);
}

/** The expression used to read a dimension in SELECT lists (NULL shown as ''). */
export function dimensionColumn(dimension: Dimension): SqlFragment {
  return sql`${dimensionExpr(dimension)} AS ${ident(dimension)}`;
}

export const FIGURES_TABLE = raw('figures');
