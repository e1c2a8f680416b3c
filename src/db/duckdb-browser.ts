/**
 * The only importer of @duckdb/duckdb-wasm in the app. The engine starts once, lazily, behind a cached promise;
 * its wasm and worker files are assets of our own build (never a CDN) and extension autoloading is off.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { SqlQuery } from '../sql';
import type { Engine } from './engine';
import { EngineStartError, QueryError } from './errors';
import { toRows, type ArrowTableLike } from './rows';

/** Progress callback: a phase name and, while downloading, the fraction done. */
export type StartProgress = (phase: 'download' | 'instantiate' | 'open', fraction?: number) => void;

class BrowserEngine implements Engine {
  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
  ) {}

  async query(query: SqlQuery): Promise<ReturnType<typeof toRows>> {
    let stmt: duckdb.AsyncPreparedStatement | null = null;
    try {
      if (query.params.length === 0) {
        return toRows((await this.conn.query(query.text)) as unknown as ArrowTableLike);
      }
      stmt = await this.conn.prepare(query.text);
      return toRows((await stmt.query(...query.params)) as unknown as ArrowTableLike);
    } catch (cause) {
      throw QueryError.wrap(cause, query);
    } finally {
      await stmt?.close();
    }
  }

  async registerText(name: string, text: string): Promise<void> {
    await this.db.registerFileText(name, text);
  }

  async cancel(): Promise<void> {
    await this.conn.cancelSent();
  }
}

/** Instantiates DuckDB-WASM in a worker and opens a connection with autoload/autoinstall off. */
export async function startBrowserEngine(onProgress: StartProgress): Promise<Engine> {
  try {
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
      eh: { mainModule: ehWasm, mainWorker: ehWorker },
    });
    if (!bundle.mainWorker) throw new Error('No DuckDB worker in the selected bundle');
    const worker = new Worker(bundle.mainWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    onProgress('download', 0);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
      if (p.bytesTotal > 0) onProgress('download', Math.min(1, p.bytesLoaded / p.bytesTotal));
    });
    onProgress('instantiate');
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    onProgress('open');
    await conn.query(
      'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;',
    );
    return new BrowserEngine(db, conn);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new EngineStartError(`The query engine could not start: ${message}`, { cause });
  }
}
