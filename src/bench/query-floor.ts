/**
 * The interaction floor: a filter click's queries alone, with nothing drawn. For each filter state (a URL query
 * string, as the interaction benchmark visited them), the compare view's two queries go out the way a click
 * sends them (its figures, then the cross-filter counts, through the app's runner and statement cache), and
 * the time runs until both answers are rows. The engine is warmed up first as the app warms it.
 */
import { parseState } from '../app/url-state';
import { compareTop, fetchFacets, fetchTopFigures, type QueryRunner } from '../queries';
import { warmUpQueries } from '../queries/warm-up';
import { summarize, type Summary } from './stats';

export interface QueryFloorResult {
  samples: number[];
  summary: Summary;
}

/** The pause between two states, as the interaction benchmark's quiet window leaves between two clicks. */
const PAUSE_MS = 150;

export async function runQueryFloor(run: QueryRunner, states: readonly string[]): Promise<QueryFloorResult> {
  await warmUpQueries(run);
  const samples: number[] = [];
  for (const state of states) {
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const { filters } = parseState(state);
    const t0 = performance.now();
    await Promise.all([
      fetchTopFigures(run, compareTop(filters)),
      fetchFacets(run, filters),
    ]);
    samples.push(performance.now() - t0);
  }
  return { samples, summary: summarize(samples) };
}
