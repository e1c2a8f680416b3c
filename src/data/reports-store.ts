/**
 * The reports an analyst added, kept in the browser (IndexedDB) with their text, metadata and corrections, and
 * the figures derived from them (a cache, keyed by the extractor that made it: derived again when the rules
 * change). Also which shipped reports are hidden. Each write is one transaction: all of it lands or none.
 */
import type { ReportMeta, WorkspaceReport } from '../workspace';
import { REPORTS_BY_SHA, STORES, transact, type StoreName } from './app-db';
import { forgetStartFiles, workspaceLock } from './start-files';

/** A kept report and its derived figures (CSV text in the figures.csv contract, with its header). */
export interface StoredReport extends WorkspaceReport {
  figures: { extractor: string; csv: string } | null;
}

/** The build's extractor (figures cached under another are derived again). */
export const EXTRACTOR = typeof __EXTRACTOR_HASH__ === 'string' ? __EXTRACTOR_HASH__ : 'unknown';

export const HIDDEN_KEY = 'hidden';
/** A counter every change to the workspace's reports or hidden list raises, in the change's own transaction. */
export const WORKSPACE_VERSION_KEY = 'workspace-version';

/** Raises the workspace version inside `tx` (which must include the settings store). */
function raiseVersion(tx: IDBTransaction): void {
  const settings = tx.objectStore(STORES.settings);
  const current = settings.get(WORKSPACE_VERSION_KEY);
  current.onsuccess = () => {
    settings.put((typeof current.result === 'number' ? current.result : 0) + 1, WORKSPACE_VERSION_KEY);
  };
}

/**
 * Stores a change to the workspace with a new version, in one transaction. The start files kept for the old
 * version are removed first, under the workspace's lock (see start-files.ts); should that fail, the change is
 * stored all the same (a start checks the version its engine loaded against the answers it drew).
 */
function changeWorkspace(work: (tx: IDBTransaction) => void): Promise<void> {
  return workspaceLock(async () => {
    await forgetStartFiles().catch(() => undefined);
    await transact([STORES.reports, STORES.settings], 'readwrite', (tx) => {
      work(tx);
      raiseVersion(tx);
      return undefined;
    });
  });
}

/** What is kept of the workspace, read in one transaction: its version, reports and hidden list agree. */
export interface KeptWorkspace {
  /**
   * The workspace version: answers drawn from one version are the engine's answers until it changes. Null when
   * nothing was ever changed here (or by a build before versions were kept).
   */
  version: number | null;
  reports: StoredReport[];
  hidden: string[];
}

/** The workspace's version and hidden list, and whether any report is kept: without reading any report. */
export interface WorkspaceState extends Omit<KeptWorkspace, 'reports'> {
  anyReport: boolean;
}

const hiddenIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string') : []);

/**
 * Reads the version and hidden list in `tx` (which must include the settings store) beside what `read` asks of
 * it, all in one transaction.
 */
async function withSettings<T>(stores: StoreName[], read: (tx: IDBTransaction) => IDBRequest<T>) {
  let version: IDBRequest<unknown> | undefined;
  let hidden: IDBRequest<unknown> | undefined;
  const result = await transact(stores, 'readonly', (tx) => {
    version = tx.objectStore(STORES.settings).get(WORKSPACE_VERSION_KEY);
    hidden = tx.objectStore(STORES.settings).get(HIDDEN_KEY);
    return read(tx);
  });
  return { version: typeof version?.result === 'number' ? version.result : null, hidden: hiddenIds(hidden?.result), result };
}

export async function loadWorkspaceState(): Promise<WorkspaceState> {
  // Whether any report is kept, not how many: counting would read every report's record.
  const { version, hidden, result } = await withSettings([STORES.settings, STORES.reports],
    (tx) => tx.objectStore(STORES.reports).getKey(IDBKeyRange.lowerBound('')));
  return { version, hidden, anyReport: result !== undefined };
}

export async function loadKeptWorkspace(): Promise<KeptWorkspace> {
  const { version, hidden, result } = await withSettings([STORES.reports, STORES.settings],
    (tx) => tx.objectStore(STORES.reports).getAll() as IDBRequest<StoredReport[]>);
  return { version, hidden, reports: result.sort((a, b) => a.added_at.localeCompare(b.added_at) || a.doc_id.localeCompare(b.doc_id)) };
}

/** Every kept report, in the order they were added. */
export async function loadStoredReports(): Promise<StoredReport[]> {
  const all = await transact(STORES.reports, 'readonly', (tx) => tx.objectStore(STORES.reports).getAll() as IDBRequest<StoredReport[]>);
  return all.sort((a, b) => a.added_at.localeCompare(b.added_at) || a.doc_id.localeCompare(b.doc_id));
}

/** One kept report, by its doc_id (null when it is not kept). */
export async function loadStoredReport(docId: string): Promise<StoredReport | null> {
  const report = await transact(STORES.reports, 'readonly', (tx) => tx.objectStore(STORES.reports).get(docId) as IDBRequest<StoredReport | undefined>);
  return report ?? null;
}

/** The kept report of a text, by the text's SHA-256 (null when there is none). */
export async function findStoredReportBySha(sha256: string): Promise<StoredReport | null> {
  const report = await transact(STORES.reports, 'readonly', (tx) =>
    tx.objectStore(STORES.reports).index(REPORTS_BY_SHA).get(sha256) as IDBRequest<StoredReport | undefined>);
  return report ?? null;
}

/** Keeps the reports, replacing kept ones with the same doc_id, all in one transaction. */
export async function storeReports(reports: readonly StoredReport[], hidden?: readonly string[]): Promise<void> {
  await changeWorkspace((tx) => {
    for (const report of reports) tx.objectStore(STORES.reports).put(report);
    if (hidden) tx.objectStore(STORES.settings).put([...hidden], HIDDEN_KEY);
  });
}

export async function deleteStoredReport(docId: string): Promise<void> {
  await changeWorkspace((tx) => tx.objectStore(STORES.reports).delete(docId));
}

/** doc_ids of the shipped reports the analyst hid. */
export async function loadHiddenReports(): Promise<string[]> {
  return hiddenIds(await transact(STORES.settings, 'readonly', (tx) => tx.objectStore(STORES.settings).get(HIDDEN_KEY) as IDBRequest<unknown>));
}

export async function storeHiddenReports(hidden: readonly string[]): Promise<void> {
  await changeWorkspace((tx) => tx.objectStore(STORES.settings).put([...hidden], HIDDEN_KEY));
}

/** A report being added or reviewed, kept as it is edited so that a reload loses nothing. */
export interface ReportDraft {
  /** The kept report it revises, or null for a new one. */
  replaces: string | null;
  step: 'source' | 'meta' | 'review';
  text: string;
  fileName: string;
  meta: ReportMeta;
  corrections: WorkspaceReport['corrections'];
  excluded: number[];
  /** Numbers added as figures (selected in the text); absent in drafts kept before additions existed. */
  included?: number[];
}

const DRAFT_KEY = 'draft';

export async function loadDraft(): Promise<ReportDraft | null> {
  const draft = await transact(STORES.settings, 'readonly', (tx) => tx.objectStore(STORES.settings).get(DRAFT_KEY) as IDBRequest<unknown>);
  return typeof draft === 'object' && draft !== null && typeof (draft as ReportDraft).text === 'string' ? (draft as ReportDraft) : null;
}

export async function storeDraft(draft: ReportDraft | null): Promise<void> {
  await transact(STORES.settings, 'readwrite', (tx) => {
    if (draft) tx.objectStore(STORES.settings).put(draft, DRAFT_KEY);
    else tx.objectStore(STORES.settings).delete(DRAFT_KEY);
    return undefined;
  });
}

/** Keeps reports and drops the draft they came from, in one transaction. */
export async function storeReportsFromDraft(reports: readonly StoredReport[]): Promise<void> {
  await changeWorkspace((tx) => {
    for (const report of reports) tx.objectStore(STORES.reports).put(report);
    tx.objectStore(STORES.settings).delete(DRAFT_KEY);
  });
}
