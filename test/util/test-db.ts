/** A real DuckDB (the same wasm engine as the browser, blocking API) for tests of SQL built by the app. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import type { Engine } from '../../src/db';
import { QueryError, toRows } from '../../src/db';
import type { ArrowTableLike } from '../../src/db/rows';
import type { QueryRunner } from '../../src/queries';
import { inlineParams } from '../../src/sql';

const DIST = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm'));

/** Starts an in-process DuckDB with the browser's open options; ~1 s, so share one per test file. */
export async function createTestEngine(): Promise<Engine & { runner: QueryRunner; arrow: (text: string) => ArrowTableLike }> {
  const db = await createDuckDB(
    {
      mvp: { mainModule: join(DIST, 'duckdb-mvp.wasm'), mainWorker: join(DIST, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(DIST, 'duckdb-eh.wasm'), mainWorker: join(DIST, 'duckdb-node-eh.worker.cjs') },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  const engine: Engine = {
    async query(query) {
      try {
        // As the browser engine does: the inlined text when it can be written exactly, else bound.
        const text = inlineParams(query);
        if (text !== null) return toRows(conn.query(text) as unknown as ArrowTableLike);
        const stmt = conn.prepare(query.text);
        try {
          return toRows(stmt.query(...query.params) as unknown as ArrowTableLike);
        } finally {
          stmt.close();
        }
      } catch (cause) {
        throw QueryError.wrap(cause, query);
      }
    },
    async registerText(name, text) {
      db.registerFileText(name, text);
    },
    async cancel() {},
  };
  // `arrow` gives a query's Arrow result as DuckDB returns it, for tests of the conversion itself.
  return { ...engine, runner: (q) => engine.query(q), arrow: (text) => conn.query(text) as unknown as ArrowTableLike };
}
