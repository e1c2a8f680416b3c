import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ident, join, literal, raw, sql, type SqlQuery } from '../sql';
import {
  DIMENSIONS, EMPTY_FILTERS, FIGURES_TABLE, dimensionText, filterCondition, isEmptyFilters, type Dimension, type FigureFilters,
} from './filters';
import { withSignal, type QueryRunner } from './run';
import { FACETED_COLUMNS } from '../db/tables';

/**
 * The dimensions the filter menus and cross-filter charts count. Indicator and document are left out: nearly
 * every figure has its own indicator, and counting them would cost every filter click a large group.
 */
export const FACET_DIMENSIONS: readonly Dimension[] = FACETED_COLUMNS;

/**
 * Facts, not mentions: a fact the report states twice counts once. Only the few repeated facts' rows need a
 * distinct count; every other row is its fact's one mention.
 */
const FACETS_TABLE = raw('figures_facets');
const REPEATED_TABLE = raw('figures_repeated');

const FACTS_COUNTED = sql`(count(*) FILTER (WHERE NOT repeated) + count(DISTINCT fact_id) FILTER (WHERE repeated))::INTEGER`;

/** One value of one dimension and how many facts carry it under the other filters. */
export interface FacetRow {
  dimension: Dimension;
  value: string;
  count: number;
}

/**
 * Counts per value of every dimension; each dimension's counts apply all filters except its own, so a
 * selected chip's siblings stay visible (the usual faceted-search behaviour). One GROUP BY per dimension, each
 * reading only the rows that pass the other filters: a selective filter then spares the other five their work
 * (one scan of grouping sets, every row counted under six filtered aggregates, was several times slower at
 * 300,000 figures). The filters no menu counts (text search, indicator, report) are applied once, before;
 * without any, the counts come from the facet tables instead ({@link facetsFromFacetTables}).
 */
export function buildFacetsQuery(filters: FigureFilters): SqlQuery {
  const menus = { ...EMPTY_FILTERS };
  const others = { ...filters };
  for (const dimension of FACET_DIMENSIONS) {
    menus[dimension] = filters[dimension];
    others[dimension] = [];
  }
  if (isEmptyFilters(others)) return facetsFromFacetTables(menus);
  const columns = FACET_DIMENSIONS.map((dimension) => ident(dimension, DIMENSIONS));
  const parts = FACET_DIMENSIONS.map((dimension) => {
    const column = ident(dimension, DIMENSIONS);
    return sql`SELECT ${literal(dimension)} AS dimension, ${dimensionText(sql`value`)} AS value, count
      FROM (SELECT ${column} AS value, ${FACTS_COUNTED} AS count FROM passing
            WHERE ${filterCondition(menus, dimension)} GROUP BY ${column})`;
  });
  return sql`WITH passing AS MATERIALIZED (SELECT ${join(columns)}, fact_id, repeated FROM ${FIGURES_TABLE}
      WHERE ${filterCondition(others)})
    ${join(parts, ' UNION ALL ')} ORDER BY dimension, count DESC, value`;
}

/**
 * The same counts when only menus filter: read off the facet tables the load keeps (see FACETED_COLUMNS in
 * db/tables.ts), the facts stated once summed per combination of the menus' columns plus the facts stated more
 * than once counted distinct, instead of grouping every figure six times.
 */
function facetsFromFacetTables(menus: FigureFilters): SqlQuery {
  const parts = FACET_DIMENSIONS.map((dimension) => {
    const column = ident(dimension, DIMENSIONS);
    const where = filterCondition(menus, dimension);
    return sql`SELECT ${literal(dimension)} AS dimension, ${dimensionText(sql`value`)} AS value, count FROM (
        SELECT value, sum(count)::INTEGER AS count FROM (
          SELECT ${column} AS value, sum(n) AS count FROM ${FACETS_TABLE} WHERE ${where} GROUP BY ${column}
          UNION ALL
          SELECT ${column} AS value, count(DISTINCT fact_id) AS count FROM ${REPEATED_TABLE} WHERE ${where} GROUP BY ${column})
        GROUP BY value)`;
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

export function facetsOptions(runner: QueryRunner, filters: FigureFilters) {
  return queryOptions({
    queryKey: ['facets', filters],
    queryFn: ({ signal }) => fetchFacets(withSignal(runner, signal), filters),
    // While a new filter state loads, keep showing the last answer: the charts update in place, never remount.
    placeholderData: keepPreviousData,
  });
}
