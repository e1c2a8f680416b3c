import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ident, join, literal, raw, sql, type SqlQuery } from '../sql';
import { DIMENSIONS, FIGURES_TABLE, dimensionText, filterCondition, type Dimension, type FigureFilters } from './filters';
import { run, type QueryRunner } from './run';

/**
 * The dimensions the filter menus and cross-filter charts count. Indicator and document are left out: nearly
 * every figure has its own indicator, and counting them would cost every filter click a large group.
 */
export const FACET_DIMENSIONS: readonly Dimension[] = ['category', 'subject', 'kind', 'base_unit', 'section', 'period'];

/** One value of one dimension and how many figures carry it under the other filters. */
export interface FacetRow {
  dimension: Dimension;
  value: string;
  count: number;
}

/**
 * Counts per value of every dimension; each dimension's counts apply all filters except its own, so a
 * selected chip's siblings stay visible (the usual faceted-search behaviour).
 */
export function buildFacetsQuery(filters: FigureFilters): SqlQuery {
  const parts = FACET_DIMENSIONS.map((dimension) => {
    const column = ident(dimension, DIMENSIONS);
    return sql`SELECT ${literal(dimension)} AS dimension, ${dimensionText(raw('value'))} AS value, n AS count
      FROM (SELECT ${column} AS value, count(*)::INTEGER AS n FROM ${FIGURES_TABLE}
            WHERE ${filterCondition(filters, dimension)} GROUP BY ${column})`;
  });
  return sql`${join(parts, ' UNION ALL ')} ORDER BY dimension, count DESC, value`;
}

export async function fetchFacets(runner: QueryRunner, filters: FigureFilters): Promise<FacetRow[]> {
  const rows = await runner(buildFacetsQuery(filters));
  return rows.map((r) => ({
    dimension: String(r.dimension) as Dimension,
    value: String(r.value ?? ''),
    count: Number(r.count),
  }));
}

export function facetsOptions(filters: FigureFilters) {
  return queryOptions({
    queryKey: ['facets', filters],
    queryFn: () => fetchFacets(run, filters),
    // While a new filter state loads, keep showing the last answer: the charts update in place, never remount.
    placeholderData: keepPreviousData,
  });
}
