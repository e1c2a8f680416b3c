/**
 * The answers the views last drew, kept in the browser (a start file, see start-files.ts) under the build and
 * workspace version they were drawn from. At the next start the views draw them at once, while the engine
 * downloads, compiles and loads the workspace: an answer of the same build over the same workspace version is
 * the engine's own answer (every query is a pure function of the tables, and every change to the workspace
 * raises its version and removes the kept answers first). Answers of another build or version are never shown;
 * nothing here is a second source of data.
 */
import { dehydrate, type DehydratedState, type Query, type QueryClient } from '@tanstack/react-query';
import shippedAnswersUrl from 'virtual:shipped-answers';
import { whenIdle } from '../lib/idle';
import { loadWorkspaceState } from './reports-store';
import { START_FILES, startFiles, workspaceLock, type FileStore } from './start-files';
import { invalidateWorkspaceAnswers } from '../queries/invalidate';

/** The build: the app's code and shipped data (see scripts/extractor-hash.ts). */
export const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'unknown';

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

/** The stamp of the workspace storage holds now (see {@link currentStamp}); null when it names no version. */
async function storedStamp(): Promise<string | null> {
  const { version, anyReport, hidden } = await loadWorkspaceState();
  return currentStamp(version, anyReport ? 1 : 0, hidden.length);
}

/** A kept answers file of this build, or null. */
function parseSnapshot(text: string | null): QuerySnapshot | null {
  if (text === null) return null;
  try {
    const snapshot = JSON.parse(text) as Partial<QuerySnapshot>;
    const ofThisBuild = typeof snapshot.stamp === 'string' && snapshot.stamp.startsWith(`${BUILD_ID}:`);
    return ofThisBuild && typeof snapshot.state === 'object' && snapshot.state !== null ? (snapshot as QuerySnapshot) : null;
  } catch {
    return null;
  }
}

/**
 * The answers kept at the last visit when they are of this build, else (nothing added or hidden here) the
 * build's own answers for its own reports, else null — also when storage cannot be read: the views then wait
 * for the engine, as on a first visit. The kept answers are read from their file alone: it exists only while
 * the workspace is at the version they were drawn from (see start-files.ts).
 */
export async function loadSnapshot(shipped: string | null = shippedAnswersUrl, files: FileStore = startFiles): Promise<QuerySnapshot | null> {
  try {
    const kept = parseSnapshot(await files.read(START_FILES.answers));
    if (kept) return kept;
    if (shipped === null || (await storedStamp()) !== workspaceStamp(0)) return null;
    const response = await fetch(shipped);
    return response.ok ? { stamp: workspaceStamp(0), state: (await response.json()) as DehydratedState } : null;
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
export function keepSnapshots(
  client: QueryClient, loaded: () => { stamp: string | null; since: number }, files: FileStore = startFiles,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const { stamp, since } = loaded();
    if (stamp === null) return;
    const keep = new Set(answersToKeep(client, since));
    if (keep.size === 0) return;
    const state = dehydrate(client, { shouldDehydrateQuery: (q) => keep.has(q) });
    const snapshot: QuerySnapshot = { stamp, state };
    // Only while storage still holds the version the answers are of, and no change can slip in between.
    void workspaceLock(async () => {
      if ((await storedStamp()) === stamp) await files.write(START_FILES.answers, JSON.stringify(snapshot));
    }).catch(() => undefined);
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
      void invalidateWorkspaceAnswers(client);
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
