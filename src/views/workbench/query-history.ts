/** The workbench's query history, newest first, kept in the browser's localStorage. */

export const HISTORY_KEY = 'figures-board:sql-history';
export const HISTORY_MAX = 30;

/** Adds a query to the front; a repeated query moves up instead of appearing twice. */
export function addToHistory(history: readonly string[], query: string, max = HISTORY_MAX): string[] {
  const text = query.trim();
  if (text === '') return [...history];
  return [text, ...history.filter((q) => q !== text)].slice(0, max);
}

/** Reads the history; anything unreadable counts as none. */
export function loadHistory(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((q): q is string => typeof q === 'string').slice(0, HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

/** Writes the history (a full or unavailable storage is not an error worth showing). */
export function saveHistory(history: readonly string[], storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // Private mode or quota: the history simply is not kept.
  }
}
