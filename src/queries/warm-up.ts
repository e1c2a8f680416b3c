import { EMPTY_FILTERS, type Dimension, type FigureFilters } from './filters';
import { fetchFacets } from './facets-query';
import { compareTop, fetchTopFigures } from './figures-query';
import { fetchGroups } from './group-query';
import { fetchMetricPlaces, fetchMetricTrend } from './metrics-query';
import type { QueryRunner } from './run';

/** Marked once the warm-up is over (done, or given way to the analyst's own queries). */
export const WARMED_UP_MARK = 'figures-board:warmed-up';

/**
 * Runs each interactive query family with filters set, results thrown away. The engine compiles its wasm code
 * lazily, function by function, on first use: without this, the first filter click pays for compiling the
 * filter and grouping paths (about 190 ms on a 2-core machine, against ~20 ms once warm). Meant for an idle
 * moment after start-up; it changes nothing and caches nothing, and stops before its next query once
 * `stopped()` says the user has asked for something (whose queries would otherwise queue behind it).
 */
export async function warmUpQueries(runner: QueryRunner, stopped: () => boolean = () => false): Promise<void> {
  const steps: ((filters: FigureFilters) => Promise<unknown>)[] = [
    (filters) => fetchFacets(runner, filters),
    (filters) => fetchTopFigures(runner, compareTop(filters)),
    (filters) => fetchGroups(runner, { filters, by: 'subject', series: 'category', baseUnits: [] }),
  ];
  if (stopped()) return;
  const facets = await fetchFacets(runner, EMPTY_FILTERS);
  const firstValues = (dimension: Dimension) =>
    facets.filter((f) => f.dimension === dimension).slice(0, 2).map((f) => f.value);
  const oneFilter: FigureFilters = { ...EMPTY_FILTERS, category: firstValues('category') };
  const everyKind: FigureFilters = { ...oneFilter, subject: firstValues('subject'), q: '的' };
  for (const filters of [oneFilter, everyKind]) {
    for (const step of steps) {
      if (stopped()) return;
      await step(filters);
    }
  }
  // A metric's trend and its list of places (the 指标 view's two queries): twice, so the second runs are the
  // prepared statements a pick uses.
  for (const metric of ['gdp', 'gdp_growth']) {
    if (stopped()) return;
    await fetchMetricTrend(runner, metric, []);
    await fetchMetricPlaces(runner, metric);
  }
}
