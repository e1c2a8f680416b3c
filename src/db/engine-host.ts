/**
 * The app's engine: created once at the composition root (`main.tsx`) and handed down to every view, so a test
 * or another engine can stand in. It starts DuckDB on first use (or when asked), loads the workspace's tables,
 * locks the engine, runs queries, loads the tables again after the workspace changed, and tells its state to
 * whoever listens (the header's badge).
 */
import { raw, type SqlQuery } from '../sql';
import type { Engine } from './engine';
import type { EngineStatus, LoadedCounts } from './engine-status';
import { IMPORT_DIR, type NotRestoredImport } from './imports';
import type { Row } from './rows';
import { appendReport, loadTables, reloadTables, type NotLoadedReport, type ReportRows, type TableSources } from './tables';

/** Starts a bare engine, reporting its steps; `onWorkerRunning` once its worker answers. */
export type StartEngine = (
  onProgress: (step: 'download' | 'instantiate' | 'open', fraction?: number) => void,
  onWorkerRunning: () => void,
) => Promise<Engine>;

const startInBrowser: StartEngine = (onProgress, onWorkerRunning) =>
  import('./duckdb-browser').then(({ startBrowserEngine }) => startBrowserEngine(onProgress, onWorkerRunning));

/** The workspace version an engine's tables hold, and since when (see {@link EngineHost.loadedWorkspace}). */
export interface LoadedWorkspace {
  stamp: string | null;
  since: number;
  /** Kept reports the last full load left out, and why. */
  notLoaded: readonly NotLoadedReport[];
  /** The analyst's kept tables the start could not load again, and why. */
  importsNotRestored: readonly NotRestoredImport[];
}

/**
 * Closes the engine to the outside once its tables are loaded: no file, URL, extension or ATTACH from here on,
 * and the setting itself can no longer be changed (so user SQL cannot turn it back on). Files registered under
 * IMPORT_DIR, the one allowed directory, stay readable: an analyst's imports are read from there.
 */
export async function lockEngine(db: Engine): Promise<void> {
  await db.query(raw(`SET allowed_directories = ['${IMPORT_DIR}']; SET enable_external_access = false; SET lock_configuration = true`));
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

export class EngineHost {
  private engine: Promise<Engine> | null = null;
  /** The engine once started: queries then go out at the call, not a promise turn later. */
  private readyEngine: Engine | null = null;
  private workerRunning: Promise<void> | null = null;
  private markWorkerRunning: () => void = () => {};
  private reloading: Promise<void> = Promise.resolve();
  private appQueries = 0;
  private status: EngineStatus = { phase: 'idle' };
  private readonly listeners = new Set<() => void>();

  /** `loadSources` gives the workspace's tables as CSV texts; it is asked again on every (re)load. */
  constructor(private readonly loadSources: () => Promise<TableSources>, private readonly startEngine: StartEngine = startInBrowser) {}

  getStatus = (): EngineStatus => this.status;

  private loaded: LoadedWorkspace = { stamp: null, since: Number.POSITIVE_INFINITY, notLoaded: [], importsNotRestored: [] };

  /**
   * Which workspace version the engine's tables hold (`TableSources.stamp`; null before they are loaded, while
   * they are being replaced, or when the sources had none) and since when (`Date.now()`): answers computed
   * since then are of that version.
   */
  loadedWorkspace = (): LoadedWorkspace => this.loaded;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setStatus(next: EngineStatus): void {
    // Each start-up step leaves a performance mark, so a trace or the benchmark can see where the time goes.
    if (next.phase === 'starting' && (this.status.phase !== 'starting' || this.status.step !== next.step)) {
      performance.mark(`figures-board:engine-${next.step}`);
    }
    this.status = next;
    for (const listener of this.listeners) listener();
  }

  /**
   * Resolves once the engine's worker has answered a first message (from then on its download and compile run
   * off the page's thread), or after `timeoutMs`, whichever comes first — so the first render can let the
   * engine get going without ever being held up by it.
   */
  workerRunningWithin(timeoutMs: number): Promise<void> {
    const running = this.workerRunning ?? Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    return Promise.race([running, timeout]).finally(() => clearTimeout(timer));
  }

  /**
   * The started engine with the workspace's tables loaded; every caller shares one start. After a failed start
   * every caller gets its error until {@link retry} is called.
   */
  start = (): Promise<Engine> => {
    if (this.engine) return this.engine;
    // A failed start stays failed until the analyst retries: views mounted meanwhile show the same error (with a
    // retry) instead of each downloading the engine again.
    if (this.status.phase === 'error') return Promise.reject(this.status.error);
    const t0 = performance.now();
    this.setStatus({ phase: 'starting', step: 'download', fraction: 0 });
    this.workerRunning = new Promise<void>((resolve) => (this.markWorkerRunning = resolve));
    const started = (async () => {
      // The engine starts (wasm download and compile) while the data files are fetched.
      const starting = this.startEngine((step, fraction) => this.setStatus({ phase: 'starting', step, fraction }), this.markWorkerRunning);
      let db: Engine | null = null;
      try {
        const [up, sources] = await Promise.all([starting, this.loadSources()]);
        db = up;
        this.setStatus({ phase: 'starting', step: 'tables' });
        const importsNotRestored = await loadTables(db, sources);
        await lockEngine(db);
        this.loaded = { stamp: sources.stamp ?? null, since: Date.now(), notLoaded: sources.notLoaded ?? [], importsNotRestored };
        return db;
      } catch (error) {
        // A start that fails after the engine came up (data files, tables) frees it: a retry starts another.
        const up = db ?? (await starting.catch(() => null));
        await up?.close?.().catch(() => undefined);
        throw error;
      }
    })();
    this.engine = started;
    started.then(
      async (db) => {
        this.readyEngine = db;
        const startedMs = Math.round(performance.now() - t0);
        performance.mark('figures-board:duckdb-ready');
        this.setStatus({ phase: 'ready', startedMs, loaded: null });
        const loaded = await countLoaded(db);
        if (this.status.phase === 'ready') this.setStatus({ phase: 'ready', startedMs, loaded });
      },
      (error: unknown) => {
        this.engine = null;
        this.markWorkerRunning();
        this.setStatus({ phase: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return started;
  };

  /**
   * Runs a query. Once the engine is up, the query is sent to its worker before this returns: a click's
   * queries, started before React renders the click, are then computed during that render instead of after it
   * (awaiting even a settled promise would let the render go first). A query whose `signal` is aborted before
   * it is sent is not sent.
   */
  run = (query: SqlQuery, signal?: AbortSignal): Promise<Row[]> => {
    this.appQueries += 1;
    return this.send(query, signal);
  };

  private send(query: SqlQuery, signal?: AbortSignal): Promise<Row[]> {
    if (this.readyEngine) return this.readyEngine.query(query);
    return this.start().then((db) => {
      signal?.throwIfAborted();
      return db.query(query);
    });
  }

  /**
   * Runs queries in the background, without counting as the app's own: `stopped()` turns true once the app
   * has run a query since this runner was made (the background work should then give way).
   */
  background = (): { runner: (query: SqlQuery) => Promise<Row[]>; stopped: () => boolean } => {
    const since = this.appQueries;
    return { runner: (query) => this.send(query), stopped: () => this.appQueries !== since };
  };

  /**
   * Loads the workspace's tables again (after a report was added, removed or hidden), one reload at a time;
   * the analyst's own tables stay. A failed reload leaves the loaded tables as they were.
   */
  reload = (): Promise<void> => this.change(async (db) => {
    const sources = await this.loadSources();
    await reloadTables(db, sources);
    return { stamp: sources.stamp, notLoaded: sources.notLoaded ?? [] };
  });

  /**
   * Adds one report to the loaded workspace (or replaces its earlier version there) without loading the others
   * again; queued after any reload. A failure leaves the tables as they were.
   */
  append = (rows: ReportRows): Promise<void> => this.change(async (db, before) => {
    await appendReport(db, rows);
    return { stamp: rows.stamp, notLoaded: before.notLoaded.filter((r) => r.doc_id !== rows.doc_id) };
  });

  /**
   * Changes the loaded tables, one change at a time: the status says so meanwhile, and no workspace version is
   * claimed until `work` has put the tables of the version it returns in place.
   */
  private change(
    work: (db: Engine, before: LoadedWorkspace) => Promise<{ stamp: string | undefined; notLoaded: readonly NotLoadedReport[] }>,
  ): Promise<void> {
    const next = this.reloading.catch(() => undefined).then(async () => {
      const db = await this.start();
      const before = this.status;
      const loadedBefore = this.loaded;
      const startedMs = before.phase === 'ready' ? before.startedMs : 0;
      this.setStatus({ phase: 'reloading', loaded: before.phase === 'ready' ? before.loaded : null });
      this.loaded = { ...loadedBefore, stamp: null, since: Number.POSITIVE_INFINITY };
      try {
        const { stamp, notLoaded } = await work(db, loadedBefore);
        this.loaded = { ...loadedBefore, stamp: stamp ?? null, since: Date.now(), notLoaded };
      } finally {
        this.setStatus({ phase: 'ready', startedMs, loaded: await countLoaded(db) });
      }
    });
    this.reloading = next;
    return next;
  }

  /** Forgets a failed start so the next query starts the engine again. */
  retry = (): void => {
    if (this.status.phase !== 'error') return;
    this.engine = null;
    this.setStatus({ phase: 'idle' });
  };
}
