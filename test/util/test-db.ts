/** A real DuckDB (the same wasm engine as the browser, blocking API) for tests of SQL built by the app. */
import { join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { duckdbDist } from '../../scripts/duckdb-link-patch';
import type { Engine } from '../../src/db';
import { QueryError, toRows } from '../../src/db';
import type { ArrowTableLike } from '../../src/db/rows';
import type { QueryRunner } from '../../src/queries';
import { inlineParams, type SqlQuery } from '../../src/sql';

const DIST = duckdbDist();

/** DuckDB's Node builds (wasm and worker of each), as every test engine starts them. */
export const NODE_BUNDLES = {
  mvp: { mainModule: join(DIST, 'duckdb-mvp.wasm'), mainWorker: join(DIST, 'duckdb-node-mvp.worker.cjs') },
  eh: { mainModule: join(DIST, 'duckdb-eh.wasm'), mainWorker: join(DIST, 'duckdb-node-eh.worker.cjs') },
};

/** Starts an in-process DuckDB with the browser's open options; ~1 s, so share one per test file. */
export async function createTestEngine(): Promise<Engine & { runner: QueryRunner; arrow: (text: string) => ArrowTableLike }> {
  const db = await createDuckDB(NODE_BUNDLES, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  // The browser engine runs a text with parameters inlined the first time and as a prepared statement after:
  // here both run every time, and a query whose two answers differ fails the test that sent it.
  const prepared = new Map<string, ReturnType<typeof conn.prepare>>();
  const bound = (query: SqlQuery) => {
    let stmt = prepared.get(query.text);
    if (!stmt) prepared.set(query.text, (stmt = conn.prepare(query.text)));
    return toRows(stmt.query(...query.params) as unknown as ArrowTableLike);
  };
  const engine: Engine = {
    async query(query) {
      try {
        const text = inlineParams(query);
        if (text === null) return bound(query);
        const rows = toRows(conn.query(text) as unknown as ArrowTableLike);
        if (query.params.length > 0) {
          const again = bound(query);
          if (JSON.stringify(again) !== JSON.stringify(rows)) {
            throw new Error(`The prepared statement and the inlined text gave different answers:\n${text}`);
          }
        }
        return rows;
      } catch (cause) {
        throw QueryError.wrap(cause, query);
      }
    },
    async registerText(name, text) {
      db.registerFileText(name, text);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async cancel() {},
  };
  // `arrow` gives a query's Arrow result as DuckDB returns it, for tests of the conversion itself.
  return { ...engine, runner: (q) => engine.query(q), arrow: (text) => conn.query(text) as unknown as ArrowTableLike };
}
