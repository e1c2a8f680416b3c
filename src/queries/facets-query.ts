import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { and, ident, join, literal, sql, type SqlFragment, type SqlQuery } from '../sql';
import {
  DIMENSIONS, EMPTY_FILTERS, FIGURES_TABLE, dimensionText, filterCondition, type Dimension, type FigureFilters,
} from './filters';
import { withSignal, type QueryRunner } from './run';

/**
 * The dimensions the filter menus and cross-filter charts count. Indicator and document are left out: nearly
 * every figure has its own indicator, and counting them would cost every filter click a large group.
 */
export const FACET_DIMENSIONS: readonly Dimension[] = ['category', 'subject', 'kind', 'base_unit', 'section', 'period'];

/** One value of one dimension and how many facts carry it under the other filters. */
export interface FacetRow {
  dimension: Dimension;
  value: string;
  count: number;
}

/**
 * Counts per value of every dimension; each dimension's counts apply all filters except its own, so a
 * selected chip's siblings stay visible (the usual faceted-search behaviour). One scan for all dimensions:
 * each row carries whether it passes each dimension's own filter, every grouping set counts the rows that
 * pass all the others, and values no row reaches are dropped.
 */
export function buildFacetsQuery(filters: FigureFilters): SqlQuery {
  const passes = (dimension: Dimension) => ident(`passes_${dimension}`);
  const ownFilters = FACET_DIMENSIONS.map(
    (dimension) => sql`${filterCondition({ ...EMPTY_FILTERS, [dimension]: filters[dimension] })} AS ${passes(dimension)}`,
  );
  const otherFilters = { ...filters };
  for (const dimension of FACET_DIMENSIONS) otherFilters[dimension] = [];
  const perSet = (pick: (dimension: Dimension) => SqlFragment) =>
    sql`CASE ${join(FACET_DIMENSIONS.map((d) => sql`WHEN GROUPING(${ident(d, DIMENSIONS)}) = 0 THEN ${pick(d)}`), ' ')} END`;
  // Facts, not mentions: a fact the report states twice counts once. Only the few repeated facts' rows need a
  // distinct count; every other row is its fact's one mention.
  const count = (dimension: Dimension) => {
    const others = and(FACET_DIMENSIONS.filter((d) => d !== dimension).map(passes));
    return sql`(count(*) FILTER (WHERE NOT repeated AND ${others}) + count(DISTINCT fact_id) FILTER (WHERE repeated AND ${others}))`;
  };
  const columns = FACET_DIMENSIONS.map((dimension) => ident(dimension, DIMENSIONS));
  return sql`SELECT dimension, value, count FROM (
      SELECT ${perSet((d) => literal(d))} AS dimension, ${perSet((d) => dimensionText(ident(d, DIMENSIONS)))} AS value,
        (${perSet(count)})::INTEGER AS count
      FROM (SELECT ${join(columns)}, fact_id, repeated, ${join(ownFilters)} FROM ${FIGURES_TABLE} WHERE ${filterCondition(otherFilters)})
      GROUP BY GROUPING SETS (${join(columns.map((c) => sql`(${c})`))})
    ) WHERE count > 0 ORDER BY dimension, count DESC, value`;
}

export async function fetchFacets(runner: QueryRunner, filters: FigureFilters): Promise<FacetRow[]> {
  const rows = await runner(buildFacetsQuery(filters));
  return rows.map((r) => ({
    dimension: String(r.dimension) as Dimension,
    value: String(r.value ?? ''),
    count: Number(r.count),
  }));
}

export function facetsOptions(runner: QueryRunner, filters: FigureFilters) {
  return queryOptions({
    queryKey: ['facets', filters],
    queryFn: ({ signal }) => fetchFacets(withSignal(runner, signal), filters),
    // While a new filter state loads, keep showing the last answer: the charts update in place, never remount.
    placeholderData: keepPreviousData,
  });
}
