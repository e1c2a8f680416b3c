/**
 * The answers the views last drew, kept in the browser under the build and workspace version they were drawn
 * from. At the next start the views draw them at once, while the engine downloads, compiles and loads the
 * workspace: an answer of the same build over the same workspace version is the engine's own answer (every
 * query is a pure function of the tables, and every change to the workspace raises its version in the same
 * transaction). Answers of another build or version are never shown; nothing here is a second source of data.
 */
import { dehydrate, type DehydratedState, type Query, type QueryClient } from '@tanstack/react-query';
import shippedAnswersUrl from 'virtual:shipped-answers';
import { whenIdle } from '../lib/idle';
import { STORES, transact } from './app-db';
import { HIDDEN_KEY, WORKSPACE_VERSION_KEY } from './reports-store';

/** The build: the app's code and shipped data (see scripts/extractor-hash.ts). */
export const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'unknown';

const SNAPSHOT_KEY = 'query-snapshot';

/** The families of answers worth keeping: what views draw from the figures (not the workbench, not reviews). */
const KEPT_FAMILIES = new Set(['figures', 'top-figures', 'documents', 'facets', 'groups', 'pivot', 'dimension-values']);

/** Rows an answer may have to be kept (a view of a whole large workspace is left to the engine), and in all. */
const MAX_ROWS_PER_ANSWER = 5_000;
const MAX_ROWS = 30_000;

/** Names a build and a workspace version (version 0: the build's own reports, nothing added or hidden). */
export function workspaceStamp(version: number): string {
  return `${BUILD_ID}:${version}`;
}

/**
 * The stamp of the workspace storage holds: its version once anything was changed here; before that, the
 * shipped workspace (version 0) when nothing is kept, else none (reports kept by a build that kept no versions:
 * their answers are not kept until the next change gives them one).
 */
export function currentStamp(version: number | null, keptReports: number, hidden: number): string | null {
  if (version !== null && version > 0) return workspaceStamp(version);
  return keptReports === 0 && hidden === 0 ? workspaceStamp(0) : null;
}

/** Answers and the build and workspace version they were drawn from. */
export interface QuerySnapshot {
  stamp: string;
  state: DehydratedState;
}

/** Rows an answer holds (its array, or its `figures` array), or null when it is not a kept shape. */
function rowsOf(data: unknown): number | null {
  if (Array.isArray(data)) return data.length;
  if (typeof data === 'object' && data !== null) {
    const figures = (data as { figures?: unknown }).figures;
    if (Array.isArray(figures)) return figures.length;
  }
  return null;
}

/**
 * The kept answers when they were drawn from this build and the workspace version now kept, else null (also
 * when storage cannot be read: the views then wait for the engine, as on a first visit).
 */
export async function loadSnapshot(shipped: string | null = shippedAnswersUrl): Promise<QuerySnapshot | null> {
  try {
    // One transaction: the version, what is kept and the answers agree.
    let version: IDBRequest<unknown> | undefined;
    let hidden: IDBRequest<unknown> | undefined;
    let anyKept: IDBRequest<IDBValidKey | undefined> | undefined;
    const snapshot = await transact([STORES.settings, STORES.reports], 'readonly', (tx) => {
      version = tx.objectStore(STORES.settings).get(WORKSPACE_VERSION_KEY);
      hidden = tx.objectStore(STORES.settings).get(HIDDEN_KEY);
      // Whether any report is kept, not how many: counting would read every report's record.
      anyKept = tx.objectStore(STORES.reports).getKey(IDBKeyRange.lowerBound(''));
      return tx.objectStore(STORES.settings).get(SNAPSHOT_KEY) as IDBRequest<QuerySnapshot | undefined>;
    });
    const hiddenIds = hidden?.result;
    const stamp = currentStamp(
      typeof version?.result === 'number' ? version.result : null, anyKept?.result === undefined ? 0 : 1, Array.isArray(hiddenIds) ? hiddenIds.length : 0,
    );
    if (stamp === null) return null;
    if (snapshot?.stamp === stamp) return snapshot;
    // A first visit: the build's own answers for its own reports (scripts/shipped-answers.ts).
    if (stamp !== workspaceStamp(0) || shipped === null) return null;
    const response = await fetch(shipped);
    return response.ok ? { stamp, state: (await response.json()) as DehydratedState } : null;
  } catch {
    return null;
  }
}

/** The answers to keep: successful, of the loaded version (computed since it was loaded), small, most recent first. */
export function answersToKeep(client: QueryClient, since: number): Query[] {
  let rows = 0;
  return client.getQueryCache().getAll()
    .filter((q) => q.state.status === 'success' && !q.state.isInvalidated && q.state.dataUpdatedAt >= since
      && KEPT_FAMILIES.has(String(q.queryKey[0])))
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .filter((q) => {
      const n = rowsOf(q.state.data);
      if (n === null || n > MAX_ROWS_PER_ANSWER || rows + n > MAX_ROWS) return false;
      rows += n;
      return true;
    });
}

/**
 * Keeps the views' answers as they arrive (a moment after the last one, when the page is idle), under the
 * workspace version the engine holds. Returns a function that stops keeping them.
 */
export function keepSnapshots(client: QueryClient, loaded: () => { stamp: string | null; since: number }): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const { stamp, since } = loaded();
    if (stamp === null) return;
    const keep = new Set(answersToKeep(client, since));
    if (keep.size === 0) return;
    const state = dehydrate(client, { shouldDehydrateQuery: (q) => keep.has(q) });
    const snapshot: QuerySnapshot = { stamp, state };
    void transact(STORES.settings, 'readwrite', (tx) => tx.objectStore(STORES.settings).put(snapshot, SNAPSHOT_KEY)).catch(() => undefined);
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    clearTimeout(timer);
    timer = setTimeout(() => whenIdle(write), 1_000);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/** What {@link settleKept} needs of the engine host. */
interface LoadingHost {
  subscribe(listener: () => void): () => void;
  getStatus(): { phase: string };
  loadedWorkspace(): { stamp: string | null };
}

/**
 * Once the engine has first loaded its tables (after a retry, if its start failed), the kept answers drawn
 * meanwhile are settled: of the version it loaded (another tab may have changed the workspace since they were
 * read), they count as the engine's and are kept again; of another, they are all asked of the engine again.
 */
export function settleKept(client: QueryClient, kept: QuerySnapshot, host: LoadingHost): void {
  let unsubscribe: (() => void) | null = null;
  const check = () => {
    if (host.getStatus().phase !== 'ready') return;
    unsubscribe?.();
    unsubscribe = () => {};
    if (host.loadedWorkspace().stamp !== kept.stamp) {
      void client.invalidateQueries();
      return;
    }
    for (const answer of kept.state.queries) {
      const query = client.getQueryCache().get(answer.queryHash);
      // Still the kept answer (not one the engine has given since): now of the loaded version.
      if (query?.state.dataUpdatedAt === answer.state.dataUpdatedAt) client.setQueryData(query.queryKey, query.state.data);
    }
  };
  unsubscribe = host.subscribe(check);
  check();
}
