import { and, ident, inList, join, raw, sql, type SqlFragment } from '../sql';

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

/**
 * `dim IN (…)`, where the empty string stands for NULL (an empty CSV field). The column is compared as it is
 * stored (an ENUM or text), so DuckDB can filter on its codes.
 */
export function dimensionMatches(dimension: Dimension, values: readonly string[]): SqlFragment {
  const column = ident(dimension, DIMENSIONS);
  const present = values.filter((v) => v !== '');
  const parts: SqlFragment[] = [];
  if (present.length > 0) parts.push(inList(sql`${column}::VARCHAR`, present));
  if (present.length < values.length) parts.push(sql`${column} IS NULL`);
  return join(parts.map((p) => sql`(${p})`), ' OR ');
}

/**
 * The WHERE condition for a filter state, with every value bound. `except` leaves one dimension out, for
 * facet counts ("how many figures per category under the other filters").
 */
export function filterCondition(filters: FigureFilters, except?: Dimension): SqlFragment {
  const conditions: SqlFragment[] = [];
  for (const dimension of DIMENSIONS) {
    if (dimension === except || filters[dimension].length === 0) continue;
    conditions.push(dimensionMatches(dimension, filters[dimension]));
  }
  const q = filters.q.trim().toLowerCase();
  if (q !== '') {
    conditions.push(
      sql`contains(lower(coalesce(indicator, '') || ' ' || coalesce(subject::VARCHAR, '') || ' ' || quote), ${q})`,
    );
  }
  return and(conditions);
}

/** A dimension read as text for output, NULL as '' (use after grouping: grouping on the stored column is faster). */
export function dimensionText(expression: SqlFragment): SqlFragment {
  return sql`coalesce(${expression}::VARCHAR, '')`;
}

export const FIGURES_TABLE = raw('figures');

/**
 * The figures that are totals with stated parts or parts of a total (every mention of them), kept beside
 * `figures` by `installFigures`: the compensation of an honest sum joins these few rows, not the whole table.
 */
export const LINKED_TABLE = raw('figures_linked');

/**
 * Each figure's row id, id and filter columns with its place in the largest-first order (value_base descending,
 * then document order), kept beside `figures` at load: see RANKED_COLUMNS in db/tables.ts.
 */
export const RANKED_TABLE = raw('figures_ranked');
