import { raw, type SqlQuery } from '../sql';
import type { Engine } from './engine';
import { getEngineStatus, setEngineStatus, type LoadedCounts } from './engine-status';
import type { Row } from './rows';
import { IMPORT_DIR } from './imports';
import { loadTables, reloadTables, type TableSources } from './tables';

export type { Engine, ReadOnlyResult, ResultColumn } from './engine';
export type { Row } from './rows';
export { toRows, toPlainValue } from './rows';
export { QueryError, EngineStartError } from './errors';
export {
  loadTables, encodeFigures, encodedColumnTypes, installFigures, ENCODE_MIN_ROWS, ENCODED_FIGURE_COLUMNS, FIGURE_COLUMNS, FIGURE_COLUMN_TYPES, DOCUMENT_COLUMN_TYPES,
} from './tables';
export type { TableSources, FigureColumn } from './tables';
export { getEngineStatus, subscribeEngineStatus } from './engine-status';
export { createImportedTable, dropImportedTable, importsNotRestored, IMPORT_DIR } from './imports';
export type { EngineStatus, LoadedCounts } from './engine-status';

let engine: Promise<Engine> | null = null;
/** The engine once started: queries then go out at the call, not a promise turn later. */
let readyEngine: Engine | null = null;
let workerRunning: Promise<void> | null = null;
let markWorkerRunning: () => void = () => {};

/**
 * Resolves once the engine's worker has answered a first message (from then on its download and compile run
 * off the page's thread), or after `timeoutMs`, whichever comes first — so the first render can let the engine
 * get going without ever being held up by it.
 */
export function engineWorkerRunning(timeoutMs: number): Promise<void> {
  const running = workerRunning ?? Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  return Promise.race([running, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts DuckDB once and loads the embedded tables; every caller shares the same promise. A failed start is
 * forgotten so that {@link retryEngine} (or the next caller) can try again.
 */
export function getEngine(loadSources: () => Promise<TableSources>): Promise<Engine> {
  if (engine) return engine;
  const t0 = performance.now();
  setEngineStatus({ phase: 'starting', step: 'download', fraction: 0 });
  workerRunning = new Promise<void>((resolve) => (markWorkerRunning = resolve));
  const started = (async () => {
    // The engine starts (wasm download and compile) while the data files are fetched.
    const starting = import('./duckdb-browser').then(({ startBrowserEngine }) =>
      startBrowserEngine((step, fraction) => setEngineStatus({ phase: 'starting', step, fraction }), markWorkerRunning),
    );
    let db: Engine | null = null;
    try {
      const [started, sources] = await Promise.all([starting, loadSources()]);
      db = started;
      setEngineStatus({ phase: 'starting', step: 'tables' });
      await loadTables(db, sources);
      await lockEngine(db);
      return db;
    } catch (error) {
      // A start that fails after the engine came up (data files, tables) frees it: a retry starts another.
      const up = db ?? (await starting.catch(() => null));
      await up?.close?.().catch(() => undefined);
      throw error;
    }
  })();
  engine = started;
  started.then(
    async (db) => {
      readyEngine = db;
      const startedMs = Math.round(performance.now() - t0);
      performance.mark('figures-board:duckdb-ready');
      setEngineStatus({ phase: 'ready', startedMs, loaded: null });
      const loaded = await countLoaded(db);
      if (getEngineStatus().phase === 'ready') setEngineStatus({ phase: 'ready', startedMs, loaded });
    },
    (error: unknown) => {
      engine = null;
      markWorkerRunning();
      setEngineStatus({ phase: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    },
  );
  return started;
}

/** How many reports and figures the engine holds (null if it cannot say). */
async function countLoaded(db: Engine): Promise<LoadedCounts | null> {
  try {
    const [row] = await db.query(raw(`SELECT (SELECT count(*) FROM documents WHERE NOT hidden)::INTEGER AS reports,
      (SELECT count(*) FROM figures)::INTEGER AS figures`));
    return { reports: Number(row?.reports), figures: Number(row?.figures) };
  } catch {
    return null;
  }
}

let reloading: Promise<void> = Promise.resolve();

/**
 * Loads the workspace's tables again on the running engine (after a report was added, removed or hidden), one
 * reload at a time; the analyst's own tables stay. A failed reload leaves the loaded tables as they were.
 */
export function reloadWorkspace(loadSources: () => Promise<TableSources>): Promise<void> {
  const next = reloading.catch(() => undefined).then(async () => {
    const db = await getEngine(loadSources);
    const before = getEngineStatus();
    const startedMs = before.phase === 'ready' ? before.startedMs : 0;
    setEngineStatus({ phase: 'reloading', loaded: before.phase === 'ready' ? before.loaded : null });
    try {
      await reloadTables(db, await loadSources());
    } finally {
      setEngineStatus({ phase: 'ready', startedMs, loaded: await countLoaded(db) });
    }
  });
  reloading = next;
  return next;
}

/**
 * Closes the engine to the outside once its tables are loaded: no file, URL, extension or ATTACH from here on,
 * and the setting itself can no longer be changed (so user SQL cannot turn it back on). Files registered under
 * IMPORT_DIR, the one allowed directory, stay readable: an analyst's imports are read from there.
 */
export async function lockEngine(db: Engine): Promise<void> {
  await db.query(raw(`SET allowed_directories = ['${IMPORT_DIR}']; SET enable_external_access = false; SET lock_configuration = true`));
}

/** Forgets a failed start so the next query starts the engine again. */
export function retryEngine(): void {
  if (getEngineStatus().phase === 'error') engine = null;
}

/**
 * Runs a query on the shared engine. Once the engine is up, the query is sent to its worker before this
 * returns: a click's queries, started before React renders the click, are then computed during that render
 * instead of after it (awaiting even a settled promise would let the render go first).
 */
export function runQuery(loadSources: () => Promise<TableSources>, query: SqlQuery): Promise<Row[]> {
  if (readyEngine) return readyEngine.query(query);
  return getEngine(loadSources).then((db) => db.query(query));
}
