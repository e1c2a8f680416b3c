import { runQuery, type Row } from '../db';
import { loadWorkspaceSources } from '../data/embedded';
import type { SqlQuery } from '../sql';

/** Anything that runs a bound query: the app's engine, or a test database. */
export type QueryRunner = (query: SqlQuery) => Promise<Row[]>;

let appQueries = 0;

/** Runs a query on the app's shared engine (started on first use with the embedded data). */
export const run: QueryRunner = (query) => {
  appQueries += 1;
  return runQuery(loadWorkspaceSources, query);
};

/**
 * Runs queries on the shared engine in the background, without counting as the app's own: `stopped()` turns
 * true once the app has run a query since this runner was made (the background work should then give way).
 */
export function backgroundRunner(): { runner: QueryRunner; stopped: () => boolean } {
  const since = appQueries;
  return { runner: (query) => runQuery(loadWorkspaceSources, query), stopped: () => appQueries !== since };
}
