/**
 * The answers the views last drew, kept in the browser under the build and workspace version they were drawn
 * from. At the next start the views draw them at once, while the engine downloads, compiles and loads the
 * workspace: an answer of the same build over the same workspace version is the engine's own answer (every
 * query is a pure function of the tables, and every change to the workspace raises its version in the same
 * transaction). Answers of another build or version are never shown; nothing here is a second source of data.
 */
import { dehydrate, type DehydratedState, type Query, type QueryClient } from '@tanstack/react-query';
import { whenIdle } from '../lib/idle';
import { STORES, transact } from './app-db';
import { WORKSPACE_VERSION_KEY } from './reports-store';

/** The build: the app's code and shipped data (see scripts/extractor-hash.ts). */
export const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'unknown';

const SNAPSHOT_KEY = 'query-snapshot';

/** The families of answers worth keeping: what views draw from the figures (not the workbench, not reviews). */
const KEPT_FAMILIES = new Set(['figures', 'top-figures', 'documents', 'facets', 'groups', 'pivot', 'dimension-values']);

/** Rows an answer may have to be kept (a view of a whole large workspace is left to the engine), and in all. */
const MAX_ROWS_PER_ANSWER = 5_000;
const MAX_ROWS = 30_000;

/** Names a build and a workspace version. */
export function workspaceStamp(version: number): string {
  return `${BUILD_ID}:${version}`;
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
export async function loadSnapshot(): Promise<QuerySnapshot | null> {
  try {
    const [version, snapshot] = await Promise.all([
      transact(STORES.settings, 'readonly', (tx) => tx.objectStore(STORES.settings).get(WORKSPACE_VERSION_KEY) as IDBRequest<unknown>),
      transact(STORES.settings, 'readonly', (tx) => tx.objectStore(STORES.settings).get(SNAPSHOT_KEY) as IDBRequest<QuerySnapshot | undefined>),
    ]);
    const stamp = workspaceStamp(typeof version === 'number' ? version : 0);
    return snapshot?.stamp === stamp ? snapshot : null;
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
