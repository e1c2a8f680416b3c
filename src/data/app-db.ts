/**
 * The app's one IndexedDB database and its object stores: the analyst's imported tables, the reports added to
 * the workspace, and workspace settings. Every module opens it through here, so the version and the upgrade
 * are declared once.
 */
const DB_NAME = 'figures-board';
const VERSION = 3;

export const STORES = {
  /** Imported tables, keyed by table name. */
  imports: 'imports',
  /** Added reports (text, metadata, corrections, cached figures), keyed by doc_id. */
  reports: 'reports',
  /** Small workspace settings, keyed by name (e.g. the hidden shipped reports). */
  settings: 'settings',
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

/** The reports store's index of the texts' SHA-256. */
export const REPORTS_BY_SHA = 'sha256';

const KEYS: Record<StoreName, string | null> = { imports: 'table', reports: 'doc_id', settings: null };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('浏览器存储（IndexedDB）不可用'));
      return;
    }
    const request = indexedDB.open(DB_NAME, VERSION);
    request.onupgradeneeded = () => {
      for (const [name, keyPath] of Object.entries(KEYS)) {
        if (!request.result.objectStoreNames.contains(name)) {
          request.result.createObjectStore(name, keyPath ? { keyPath } : undefined);
        }
      }
      // Reports by their text's SHA-256: finding the same text reads one record, not every kept report.
      const reports = request.transaction?.objectStore(STORES.reports);
      if (reports && !reports.indexNames.contains(REPORTS_BY_SHA)) reports.createIndex(REPORTS_BY_SHA, 'sha256');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('浏览器存储正被另一个标签页的旧版本占用：请关闭其他 Figures Board 标签页后重试'));
  });
}

/** A quota error in words: what happened and what to free. */
function storageError(error: DOMException | null, fallback: string): Error {
  if (error?.name === 'QuotaExceededError') {
    return new Error('浏览器存储空间已满，未保存任何内容。请删除不再需要的报告或导入的表，或在浏览器设置中为本站释放空间后重试');
  }
  return error ?? new Error(fallback);
}

/**
 * Runs `work` in one transaction over `stores` and resolves once the transaction has committed (a write is then
 * on disk), or rejects with nothing written: all of its requests land or none do.
 */
export async function transact<T>(
  stores: StoreName | StoreName[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | undefined,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(stores, mode);
      let request: IDBRequest<T> | undefined;
      try {
        request = work(tx);
      } catch (error) {
        // A write that throws as it is made (a value that cannot be stored): the writes before it are undone.
        tx.abort();
        reject(error instanceof DOMException ? storageError(error, 'IndexedDB write failed') : error);
        return;
      }
      tx.oncomplete = () => resolve(request?.result as T);
      // The transaction's error once it has aborted; before that (a request failing) the failed request's own.
      tx.onerror = (event) => reject(storageError(
        tx.error ?? (event.target as IDBRequest | null)?.error ?? request?.error ?? null, 'IndexedDB transaction failed',
      ));
      tx.onabort = () => reject(storageError(tx.error, 'IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}
