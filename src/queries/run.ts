import { runQuery, type Row } from '../db';
import { loadEmbeddedSources } from '../data/embedded';
import type { SqlQuery } from '../sql';

/** Anything that runs a bound query: the app's engine, or a test database. */
export type QueryRunner = (query: SqlQuery) => Promise<Row[]>;

/** Runs a query on the app's shared engine (started on first use with the embedded data). */
export const run: QueryRunner = (query) => runQuery(loadEmbeddedSources, query);
