/**
 * The analyst's imported tables, kept in the browser (IndexedDB: a table can be many megabytes, beyond what
 * localStorage holds) so that they are loaded again on the next visit. One record per table name, the text as
 * it was imported.
 */
import { STORES, transact } from './app-db';
import type { ImportedCsv } from './import-csv';

const store = (tx: IDBTransaction) => tx.objectStore(STORES.imports);

/** Every kept import, oldest first (the order they are loaded in). */
export async function loadStoredImports(): Promise<ImportedCsv[]> {
  const all = await transact(STORES.imports, 'readonly', (tx) => store(tx).getAll() as IDBRequest<ImportedCsv[]>);
  return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

/** Keeps `imported`, replacing a kept table of the same name. */
export async function storeImport(imported: ImportedCsv): Promise<void> {
  await transact(STORES.imports, 'readwrite', (tx) => store(tx).put(imported));
}

export async function deleteStoredImport(table: string): Promise<void> {
  await transact(STORES.imports, 'readwrite', (tx) => store(tx).delete(table));
}
