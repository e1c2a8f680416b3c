import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/app/url-state';
import { t } from '../../src/i18n/zh';
import { SAVED_SQL_PARAM, savedQuerySearch } from '../../src/views/compare/saved-query-url';
import { HISTORY_KEY } from '../../src/views/workbench/query-history';
import {
  SAVED_QUERIES_KEY, UNREADABLE_KEY, addSavedQuery, loadSavedQueries, storeSavedQueries,
} from '../../src/views/workbench/saved-queries';

/** A Map-backed Storage, optionally refusing writes like a full browser storage. */
function memoryStorage(initial: Record<string, string> = {}, full = false) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
  };
}

const at = new Date('2024-05-01T08:00:00Z');

describe('saved workbench queries', () => {
  it('round-trips named queries through a versioned key, newest first, a reused name replacing the old one', () => {
    const storage = memoryStorage();
    let queries = addSavedQuery([], '按类别', 'SELECT category, count(*) FROM figures GROUP BY 1', at);
    queries = addSavedQuery(queries, '按单位', 'SELECT base_unit, count(*) FROM figures GROUP BY 1', at);
    queries = addSavedQuery(queries, ' 按类别 ', 'SELECT category FROM figures;\n', at);
    expect(storeSavedQueries(queries, storage)).toBeNull();
    expect(JSON.parse(storage.items.get(SAVED_QUERIES_KEY) ?? '').version).toBe(1);
    expect(loadSavedQueries(storage)).toEqual({
      queries: [
        { name: '按类别', sql: 'SELECT category FROM figures;', savedAt: at.toISOString() },
        { name: '按单位', sql: 'SELECT base_unit, count(*) FROM figures GROUP BY 1', savedAt: at.toISOString() },
      ],
      problem: null,
    });
    expect(() => addSavedQuery([], '  ', 'SELECT 1')).toThrow(/name/);
  });

  it('reports corrupted storage in words, keeps its text aside on the next save and leaves the history alone', () => {
    for (const corrupt of ['{not json', '{"version":2,"queries":[]}', '[1,2]', 'null']) {
      const storage = memoryStorage({ [SAVED_QUERIES_KEY]: corrupt, [HISTORY_KEY]: '["SELECT 1"]' });
      expect(loadSavedQueries(storage), corrupt).toEqual({ queries: [], problem: t.savedQueries.unreadable });
      expect(storeSavedQueries(addSavedQuery([], 'a', 'SELECT 1', at), storage)).toBeNull();
      expect(storage.items.get(UNREADABLE_KEY)).toBe(corrupt);
      expect(loadSavedQueries(storage).queries.map((q) => q.name)).toEqual(['a']);
      expect(storage.items.get(HISTORY_KEY)).toBe('["SELECT 1"]');
    }
  });

  it('keeps the readable entries of a partly damaged list and says how many were skipped', () => {
    const good = { name: 'ok', sql: 'SELECT 1', savedAt: at.toISOString() };
    const text = JSON.stringify({ version: 1, queries: [good, { name: 3 }, 'x'] });
    const storage = memoryStorage({ [SAVED_QUERIES_KEY]: text });
    expect(loadSavedQueries(storage)).toEqual({ queries: [good], problem: t.savedQueries.skipped(2) });
    storeSavedQueries([good], storage);
    expect(storage.items.get(UNREADABLE_KEY)).toBe(text);
  });

  it('says so when the storage refuses to write or cannot be read', () => {
    expect(storeSavedQueries([], memoryStorage({}, true))).toBe(t.savedQueries.notSaved('QuotaExceededError'));
    const broken = { getItem: () => { throw new Error('SecurityError'); } };
    expect(loadSavedQueries(broken)).toEqual({ queries: [], problem: t.savedQueries.storageUnavailable });
  });
});

describe('the Compare link of a saved query', () => {
  it('opens the saved-query mode with the SQL in its own parameter, keeping the other parameters', () => {
    const sql = "SELECT category, count(*) AS n FROM figures WHERE quote LIKE '%&=?#%' GROUP BY 1";
    const search = savedQuerySearch('?view=sql&category=investment&pivot=r%3Dkind&fig=x', sql);
    const params = new URLSearchParams(search);
    expect(params.get(SAVED_SQL_PARAM)).toBe(sql);
    expect(params.get('pivot')).toBe('r=kind');
    const state = parseState(search);
    expect([state.view, state.compare.mode, state.figure, state.filters.category]).toEqual(['compare', 'saved', null, ['investment']]);
  });
});
