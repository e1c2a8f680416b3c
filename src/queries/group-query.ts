import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ident, raw, sql, type SqlQuery } from '../sql';
import { FIGURES_TABLE, dimensionText, filterCondition, DIMENSIONS, type Dimension, type FigureFilters } from './filters';
import { run, type QueryRunner } from './run';

/** Figures grouped by one dimension and base unit: never summed across units. */
export interface GroupRow {
  key: string;
  /** The second grouping (one bar series per value), '' when there is none. */
  series: string;
  base_unit: string;
  count: number;
  total: number;
}

export interface GroupParams {
  filters: FigureFilters;
  by: Dimension;
  /** A second dimension that splits each group into series (grouped bars), or null. */
  series: Dimension | null;
  /** Only these base units (e.g. `['CNY']` for a money treemap); empty = all. */
  baseUnits: string[];
}

/** Sum and count per (group, base_unit), computed in DuckDB with exact DECIMAL sums. */
export function buildGroupQuery({ filters, by, series, baseUnits }: GroupParams): SqlQuery {
  const withUnits = { ...filters, base_unit: baseUnits.length > 0 ? baseUnits : filters.base_unit };
  // Group on the stored columns (ENUM codes), and only then turn the keys into text.
  const seriesColumn = series ? ident(series, DIMENSIONS) : raw('NULL');
  return sql`SELECT ${dimensionText(raw('k'))} AS key, ${dimensionText(raw('s'))} AS series,
      base_unit::VARCHAR AS base_unit, count, total
    FROM (SELECT ${ident(by, DIMENSIONS)} AS k, ${seriesColumn} AS s, base_unit,
            count(*)::INTEGER AS count, sum(value_base) AS total
          FROM ${FIGURES_TABLE} WHERE ${filterCondition(withUnits)}
          GROUP BY ALL)
    ORDER BY base_unit, total DESC, key, series`;
}

export async function fetchGroups(runner: QueryRunner, params: GroupParams): Promise<GroupRow[]> {
  const rows = await runner(buildGroupQuery(params));
  return rows.map((r) => ({
    key: String(r.key ?? ''),
    series: String(r.series ?? ''),
    base_unit: String(r.base_unit),
    count: Number(r.count),
    total: Number(r.total),
  }));
}

export function groupOptions(params: GroupParams) {
  return queryOptions({
    queryKey: ['groups', params],
    queryFn: () => fetchGroups(run, params),
    placeholderData: keepPreviousData,
  });
}
