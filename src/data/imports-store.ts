/**
 * The analyst's imported tables, kept in the browser (IndexedDB: a table can be many megabytes, beyond what
 * localStorage holds) so that they are loaded again on the next visit. One record per table name, the text as
 * it was imported.
 */
import type { ImportedCsv } from './import-csv';

const DB_NAME = 'figures-board';
const STORE = 'imports';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('浏览器存储（IndexedDB）不可用'));
      return;
    }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'table' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      // Resolved once the transaction has committed, not when the request succeeds: a write is then on disk.
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** Every kept import, oldest first (the order they are loaded in). */
export async function loadStoredImports(): Promise<ImportedCsv[]> {
  const all = await transact('readonly', (store) => store.getAll() as IDBRequest<ImportedCsv[]>);
  return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

/** Keeps `imported`, replacing a kept table of the same name. */
export async function storeImport(imported: ImportedCsv): Promise<void> {
  await transact('readwrite', (store) => store.put(imported));
}

export async function deleteStoredImport(table: string): Promise<void> {
  await transact('readwrite', (store) => store.delete(table));
}
