import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SumRefusal } from '../lib/additivity';
import { ident, raw, sql, type SqlQuery } from '../sql';
import { dimensionText, filterCondition, DIMENSIONS, type Dimension, type FigureFilters } from './filters';
import {
  FACT_COUNT, QUALIFIER_PARTIALS, SUM_PARTIALS, SUM_QUALIFIER, SUM_REFUSAL, honestSource, mentionsDiffer, partialAggregates,
} from './honest-source';
import { withSignal, type QueryRunner } from './run';

/**
 * Figures grouped by one dimension and base unit: never summed across units, each fact once, a total never
 * added to its own parts, and no sum where the figures must not be added.
 */
export interface GroupRow {
  key: string;
  /** The second grouping (one bar series per value), '' when there is none. */
  series: string;
  base_unit: string;
  /** Facts in the group. */
  count: number;
  /** The honest sum, or null where it is refused. */
  total: number | null;
  /** Why the group's figures are not summed, or null. */
  refused: SumRefusal | null;
  /** How the sum is to be read: a single figure's qualifier, 约 (some figures approximate), 余 (lower bounds) or ''. */
  qualifier: string;
}

export interface GroupParams {
  filters: FigureFilters;
  by: Dimension;
  /** A second dimension that splits each group into series (grouped bars), or null. */
  series: Dimension | null;
  /** Only these base units (e.g. `['CNY']` for a money treemap); empty = all. */
  baseUnits: string[];
}

/** Honest sum and fact count per (group, base_unit), computed in DuckDB with exact DECIMAL sums. */
export function buildGroupQuery({ filters, by, series, baseUnits }: GroupParams): SqlQuery {
  const withUnits = { ...filters, base_unit: baseUnits.length > 0 ? baseUnits : filters.base_unit };
  const source = honestSource({
    columns: [['k', ident(by, DIMENSIONS)], ['s', series ? ident(series, DIMENSIONS) : raw('NULL::VARCHAR')], ['base_unit', raw('base_unit')]],
    where: filterCondition(withUnits),
    mentionsDiffer: mentionsDiffer([by, ...(series ? [series] : [])], filters),
    parts: 'groups',
  });
  return sql`SELECT ${dimensionText(raw('k'))} AS key, ${dimensionText(raw('s'))} AS series,
      base_unit::VARCHAR AS base_unit, count, total, refused, qualifier
    FROM (SELECT k, s, base_unit, count, CASE WHEN refused IS NULL THEN sum END AS total, refused, qualifier
          FROM (SELECT k, s, base_unit, ${FACT_COUNT} AS count, total AS sum, ${SUM_REFUSAL} AS refused, ${SUM_QUALIFIER} AS qualifier
                FROM (SELECT k, s, base_unit, ${partialAggregates([...SUM_PARTIALS, ...QUALIFIER_PARTIALS])}
                      FROM ${source} AS honest GROUP BY ALL)))
    ORDER BY base_unit, total DESC NULLS LAST, key, series`;
}

export async function fetchGroups(runner: QueryRunner, params: GroupParams): Promise<GroupRow[]> {
  const rows = await runner(buildGroupQuery(params));
  return rows.map((r) => ({
    key: String(r.key ?? ''),
    series: String(r.series ?? ''),
    base_unit: String(r.base_unit),
    count: Number(r.count),
    total: r.total === null || r.total === undefined ? null : Number(r.total),
    refused: r.refused === null || r.refused === undefined ? null : (String(r.refused) as SumRefusal),
    qualifier: r.refused === null || r.refused === undefined ? String(r.qualifier ?? '') : '',
  }));
}

export function groupOptions(runner: QueryRunner, params: GroupParams) {
  return queryOptions({
    queryKey: ['groups', params],
    queryFn: ({ signal }) => fetchGroups(withSignal(runner, signal), params),
    placeholderData: keepPreviousData,
  });
}
