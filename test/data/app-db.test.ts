import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { STORES, transact } from '../../src/data/app-db';
import { findStoredReportBySha, loadStoredReport } from '../../src/data/reports-store';

describe('one transaction: all of it lands or none', () => {
  it('undoes the writes made before one that throws as it is made', async () => {
    await expect(transact(STORES.settings, 'readwrite', (tx) => {
      tx.objectStore(STORES.settings).put('first', 'a');
      // A function cannot be stored: the put throws DataCloneError at the call.
      tx.objectStore(STORES.settings).put(() => undefined, 'b');
      return undefined;
    })).rejects.toThrow();
    expect(await transact(STORES.settings, 'readonly', (tx) => tx.objectStore(STORES.settings).get('a'))).toBeUndefined();
  });
});

describe('the upgrade from a store kept by an earlier build', () => {
  it('indexes the reports kept before by their text’s SHA-256, so the same text is found without reading them all', async () => {
    globalThis.indexedDB = new IDBFactory();
    // The store as the build before kept it: version 2, reports keyed by doc_id, no index.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('figures-board', 2);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('imports', { keyPath: 'table' });
        open.result.createObjectStore('reports', { keyPath: 'doc_id' }).put({ doc_id: 'kept-1', sha256: 'abc', title: '旧报告' });
        open.result.createObjectStore('settings');
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    expect((await findStoredReportBySha('abc'))?.doc_id).toBe('kept-1');
    expect(await findStoredReportBySha('other')).toBeNull();
    expect((await loadStoredReport('kept-1'))?.title).toBe('旧报告');
  });
});
