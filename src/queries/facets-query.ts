import { queryOptions } from '@tanstack/react-query';
import { join, literal, sql, type SqlQuery } from '../sql';
import { DIMENSIONS, FIGURES_TABLE, dimensionColumn, filterCondition, type Dimension, type FigureFilters } from './filters';
import { run, type QueryRunner } from './run';

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
  const parts = DIMENSIONS.map(
    (dimension) => sql`SELECT ${literal(dimension)} AS dimension, value, count(*)::INTEGER AS count
      FROM (SELECT ${dimensionColumn(dimension)} FROM ${FIGURES_TABLE}
            WHERE ${filterCondition(filters, dimension)}) AS t(value)
      GROUP BY value`,
  );
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
  return queryOptions({ queryKey: ['facets', filters], queryFn: () => fetchFacets(run, filters) });
}
