import type { Row } from '../db';
import type { SqlQuery } from '../sql';

/**
 * Anything that runs a bound query: the app's engine (handed down from the composition root), or a test
 * database. `signal` is TanStack Query's: a query no longer wanted before it is sent is not sent.
 */
export type QueryRunner = (query: SqlQuery, signal?: AbortSignal) => Promise<Row[]>;

/** The runner with TanStack Query's abort signal attached to every query it sends. */
export const withSignal = (runner: QueryRunner, signal: AbortSignal): QueryRunner => (query) => runner(query, signal);
