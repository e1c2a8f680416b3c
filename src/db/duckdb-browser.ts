/**
 * The only importer of @duckdb/duckdb-wasm in the app. The engine starts once, lazily, behind a cached promise;
 * its wasm and worker files are assets of our own build (never a CDN) and extension autoloading is off. The
 * worker scripts imported here are served with their start-up linking made lazy by a build plugin
 * (scripts/duckdb-link-patch.ts): the engine is ready ~0.3 s sooner on a 2-core machine.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { ident, inlineParams, type SqlQuery } from '../sql';
import type { Engine, ReadOnlyResult } from './engine';
import { EngineStartError, QueryError } from './errors';
import { StatementCache } from './statement-cache';
import { toRows, type ArrowTableLike, type Row } from './rows';

/** Progress callback: a phase name and, while downloading, the fraction done. */
export type StartProgress = (phase: 'download' | 'instantiate' | 'open', fraction?: number) => void;

class BrowserEngine implements Engine {
  /** The app's query texts, prepared once seen: a text's next run skips parsing and planning. */
  private readonly statements: StatementCache<duckdb.AsyncPreparedStatement>;

  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
  ) {
    this.statements = new StatementCache({
      prepare: (text) => conn.prepare(text),
      close: (statement) => statement.close(),
    });
  }

  async query(query: SqlQuery): Promise<ReturnType<typeof toRows>> {
    // Every path sends its first message before its first await: a click's queries leave in the order they
    // were asked for, before the page renders the click.
    const prepared = query.params.length > 0 ? this.statements.take(query.text) : undefined;
    if (prepared) {
      try {
        return toRows((await prepared.query(...query.params)) as unknown as ArrowTableLike);
      } catch (cause) {
        this.statements.forget(query.text, prepared);
        throw QueryError.wrap(cause, query);
      }
    }
    // One message to the worker: preparing a statement first would take two, and the second waits for the
    // page's thread (busy drawing another query's charts, say) before it goes out. The statement is prepared
    // after this task's queries have gone out, for the next run of the same text.
    const text = inlineParams(query);
    let stmt: duckdb.AsyncPreparedStatement | null = null;
    try {
      if (text !== null) {
        const result = this.conn.query(text);
        if (query.params.length > 0) this.statements.prepareLater(query.text);
        return toRows((await result) as unknown as ArrowTableLike);
      }
      // Values that cannot be written as literals exactly (numbers, say): prepared, and the statement kept.
      stmt = await this.conn.prepare(query.text);
      const rows = toRows((await stmt.query(...query.params)) as unknown as ArrowTableLike);
      this.statements.keep(query.text, stmt);
      stmt = null;
      return rows;
    } catch (cause) {
      // The error names the SQL the engine ran: the inlined text, when that is what was sent.
      throw QueryError.wrap(cause, text !== null ? { text, params: [] } : query);
    } finally {
      await stmt?.close();
    }
  }

  async close(): Promise<void> {
    this.statements.close();
    await this.db.terminate();
  }

  async registerText(name: string, text: string): Promise<void> {
    await this.db.registerFileText(name, text);
  }

  async cancel(): Promise<void> {
    await this.conn.cancelSent();
    if (this.sandbox) await (await this.sandbox).cancelSent();
  }

  /** The connection user-written SQL runs on, apart from the app's own (opened on first use). */
  private sandbox: Promise<duckdb.AsyncDuckDBConnection> | null = null;

  async queryReadOnly(text: string): Promise<ReadOnlyResult> {
    const conn = await (this.sandbox ??= this.db.connect());
    try {
      // Preparing parses and binds without running anything: a text with more than one statement stops here.
      const check = await conn.prepare(text);
      await check.close();
      await conn.query('BEGIN TRANSACTION READ ONLY');
      try {
        // A sent (pending) query runs in small steps inside the worker, so cancelSent() can stop it between two.
        const reader = await conn.send(await readableText(conn, text), true);
        const rows: ReadOnlyResult['rows'] = [];
        // The reader's own schema is not set once it has been iterated: take it from a batch.
        let fields: readonly { name: string; type: unknown }[] = [];
        for await (const batch of reader) {
          fields = batch.schema.fields;
          rows.push(...toRows(batch as unknown as ArrowTableLike));
        }
        return { columns: fields.map((f) => ({ name: f.name, type: String(f.type) })), rows };
      } finally {
        await conn.query('ROLLBACK').catch(() => undefined);
      }
    } catch (cause) {
      throw QueryError.wrap(cause, { text, params: [] });
    }
  }
}

/**
 * The user's query, with ENUM result columns read as text. A streamed result carries ENUMs as Arrow
 * dictionaries whose values do not reach the client, so they would show as NULL; `DESCRIBE` (binding only,
 * nothing runs) says which columns those are. Should it fail, the query runs as written.
 */
async function readableText(conn: duckdb.AsyncDuckDBConnection, text: string): Promise<string> {
  let columns: Row[];
  try {
    columns = toRows((await conn.query(`DESCRIBE ${text}`)) as unknown as ArrowTableLike);
  } catch {
    return text;
  }
  const enums = columns
    .filter((c) => String(c.column_type).startsWith('ENUM'))
    .map((c) => ident(String(c.column_name)).text);
  if (enums.length === 0) return text;
  const replace = enums.map((c) => `${c}::VARCHAR AS ${c}`).join(', ');
  return `SELECT * REPLACE (${replace}) FROM (\n${text}\n)`;
}

/** How long the wasm download may go without progress before the start is declared failed. */
const STALL_MS = 20_000;

/**
 * Fails fast when the engine files cannot be fetched at all: DuckDB's worker does not report a failed
 * download, so without this the start would wait forever.
 */
async function checkReachable(url: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD' });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`could not download ${url.split('/').pop()} (${reason})`, { cause });
  }
  if (!response.ok) throw new Error(`could not download ${url.split('/').pop()} (HTTP ${response.status})`);
}

/** Rejects when `task` makes no progress (as reported through `touch`) for STALL_MS. */
function withStallGuard<T>(task: (touch: () => void) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer = setTimeout(onStall, STALL_MS);
    function onStall() {
      reject(new Error(`the engine download stalled for ${STALL_MS / 1000} s`));
    }
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(onStall, STALL_MS);
    };
    task(touch).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * Instantiates DuckDB-WASM in a worker and opens a connection with autoload/autoinstall off. `onWorkerRunning`
 * is called once the worker has evaluated its script and answered a first message.
 */
export async function startBrowserEngine(onProgress: StartProgress, onWorkerRunning?: () => void): Promise<Engine> {
  let worker: Worker | null = null;
  try {
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
      eh: { mainModule: ehWasm, mainWorker: ehWorker },
    });
    if (!bundle.mainWorker) throw new Error('No DuckDB worker in the selected bundle');
    onProgress('download', 0);
    worker = new Worker(bundle.mainWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    // The reachability check runs beside the download, not before it: it only turns a failure into an error.
    const instantiated = Promise.all([
      checkReachable(bundle.mainModule),
      withStallGuard((touch) =>
        db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
          touch();
          if (p.bytesTotal > 0) onProgress('download', Math.min(1, p.bytesLoaded / p.bytesTotal));
        }),
      ),
    ]);
    // Answered while the instantiation awaits its download, i.e. as soon as the worker runs.
    if (onWorkerRunning) db.ping().then(onWorkerRunning, onWorkerRunning);
    await instantiated;
    onProgress('instantiate');
    // Sent together, so the worker goes from one to the next without waiting for the page's thread (duckdb-wasm
    // posts each request at the call, and its worker handles them in order).
    const [, conn] = await Promise.all([db.open({ query: { castBigIntToDouble: true } }), db.connect()]);
    onProgress('open');
    await conn.query(
      'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;',
    );
    return new BrowserEngine(db, conn);
  } catch (cause) {
    worker?.terminate();
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new EngineStartError(`The query engine could not start: ${message}`, { cause });
  }
}
