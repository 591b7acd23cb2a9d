/** A minimal key-value store over IndexedDB: the browser's stand-in for files beside the recording. */

const DB_NAME = 'twitchscope';
const STORES = ['sidecars', 'recent', 'files', 'library'] as const;
export type StoreName = (typeof STORES)[number];

let dbPromise: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 2);
    req.onupgradeneeded = () => {
      for (const s of STORES) if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return dbPromise;
}

function run<T>(store: StoreName, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const req = op(tx.objectStore(store));
        tx.oncomplete = () => resolve(req.result as T);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

export function idbGet<T>(store: StoreName, key: string): Promise<T | undefined> {
  return run<T | undefined>(store, 'readonly', (s) => s.get(key));
}

/** One transaction per write: IndexedDB commits it whole or not at all, like a temp-file rename. */
export function idbPut(store: StoreName, key: string, value: unknown): Promise<void> {
  return run<unknown>(store, 'readwrite', (s) => s.put(value, key)).then(() => undefined);
}

export function idbDelete(store: StoreName, key: string): Promise<void> {
  return run<unknown>(store, 'readwrite', (s) => s.delete(key)).then(() => undefined);
}

/**
 * Moves a value to another key in one transaction: either both the copy and the delete happen or neither,
 * so a value set aside is never lost half-way. Resolves false when there was nothing under `from`.
 */
export function idbMove(store: StoreName, from: string, to: string): Promise<boolean> {
  return open().then(
    (db) =>
      new Promise<boolean>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const s = tx.objectStore(store);
        let moved = false;
        const get = s.get(from);
        get.onsuccess = () => {
          if (get.result === undefined) return;
          moved = true;
          s.put(get.result, to);
          s.delete(from);
        };
        tx.oncomplete = () => resolve(moved);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}
