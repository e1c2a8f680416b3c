/**
 * The only runtime importer of @duckdb/duckdb-wasm in the app (browser-engine.ts, which answers the queries,
 * takes only its types). The engine starts once, lazily, behind a cached promise; its wasm and worker files are
 * assets of our own build (never a CDN) and extension autoloading is off. The worker scripts imported here are
 * served with their start-up linking made lazy by a build plugin (scripts/duckdb-link-patch.ts): the engine is
 * ready ~0.3 s sooner on a 2-core machine.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { BrowserEngine } from './browser-engine';
import type { Engine } from './engine';
import { EngineStartError } from './errors';

/** Progress callback: a phase name and, while downloading, the fraction done. */
export type StartProgress = (phase: 'download' | 'instantiate' | 'open', fraction?: number) => void;

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
