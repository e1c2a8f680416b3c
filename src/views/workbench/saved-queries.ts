import { t } from '../../i18n/zh';

/**
 * Named workbench queries, kept in localStorage under a versioned key as `{ version, queries }`. Reading never
 * throws: unreadable storage (or unreadable entries) gives what could be read and a message, and the stored
 * text is set aside, not overwritten, when the next save happens.
 */

export const SAVED_QUERIES_KEY = 'figures-board:saved-queries:v1';
/** Where an unreadable value is moved before a save replaces it. */
export const UNREADABLE_KEY = `${SAVED_QUERIES_KEY}:unreadable`;
const VERSION = 1;

export interface SavedQuery {
  name: string;
  sql: string;
  /** ISO time of the last save. */
  savedAt: string;
}

export interface SavedQueriesState {
  queries: SavedQuery[];
  /** What went wrong reading the storage, in words; null when all was read. */
  problem: string | null;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const isSavedQuery = (q: unknown): q is SavedQuery => {
  const v = q as Partial<SavedQuery> | null;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.sql === 'string' && typeof v.savedAt === 'string';
};

/** Parses a stored value: the valid entries and how many were not, or null when the whole is unreadable. */
function parseStored(text: string): { queries: SavedQuery[]; skipped: number } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const value = parsed as { version?: unknown; queries?: unknown } | null;
  if (typeof value !== 'object' || value === null || value.version !== VERSION || !Array.isArray(value.queries)) return null;
  const queries = value.queries.filter(isSavedQuery);
  return { queries, skipped: value.queries.length - queries.length };
}

/** Reads the saved queries; unreadable entries are skipped and counted, an unreadable whole is reported. */
export function loadSavedQueries(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): SavedQueriesState {
  let text: string | null;
  try {
    text = storage?.getItem(SAVED_QUERIES_KEY) ?? null;
  } catch {
    return { queries: [], problem: t.savedQueries.storageUnavailable };
  }
  if (text === null) return { queries: [], problem: null };
  const stored = parseStored(text);
  if (!stored) return { queries: [], problem: t.savedQueries.unreadable };
  return { queries: stored.queries, problem: stored.skipped > 0 ? t.savedQueries.skipped(stored.skipped) : null };
}

/** Adds a query under a name, newest first; a name already used is replaced. */
export function addSavedQuery(queries: readonly SavedQuery[], name: string, sql: string, now = new Date()): SavedQuery[] {
  const entry = { name: name.trim(), sql: sql.trim(), savedAt: now.toISOString() };
  if (entry.name === '' || entry.sql === '') throw new Error('A saved query needs a name and some SQL');
  return [entry, ...queries.filter((q) => q.name !== entry.name)];
}

/**
 * Writes the list. An unreadable stored value is first copied aside (once), so a save never destroys text
 * it could not read. Returns a message when the storage refused the write.
 */
export function storeSavedQueries(queries: readonly SavedQuery[], storage: Store | undefined = globalThis.localStorage): string | null {
  if (!storage) return t.savedQueries.storageUnavailable;
  try {
    const current = storage.getItem(SAVED_QUERIES_KEY);
    const stored = current === null ? null : parseStored(current);
    if (current !== null && (stored === null || stored.skipped > 0) && storage.getItem(UNREADABLE_KEY) === null) {
      storage.setItem(UNREADABLE_KEY, current);
    }
    storage.setItem(SAVED_QUERIES_KEY, JSON.stringify({ version: VERSION, queries }));
    return null;
  } catch (error) {
    return t.savedQueries.notSaved(error instanceof Error ? error.message : String(error));
  }
}
