/**
 * Browser-only: the Learn view's IndexedDB database, opened here (the lowest layer that reads it)
 * so that the page's state layer (src/state/persistence/learn-db.ts) and the model worker, which
 * loads learned weights by generation id, share one schema and one upgrade.
 *  - `buffer`: replay-buffer records, keys assigned in order of writing;
 *  - `generations`: StoredGeneration by id;
 *  - `weights`: `{ policy: ArrayBuffer, value: ArrayBuffer | null }` by generation id.
 */
export const LEARN_DB = 'rlm-learn';
export const BUFFER_STORE = 'buffer';
export const GENERATIONS_STORE = 'generations';
export const WEIGHTS_STORE = 'weights';

export interface StoredWeights {
  readonly policy: ArrayBuffer;
  readonly value: ArrayBuffer | null;
}

export function openLearnDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(LEARN_DB, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(BUFFER_STORE, { autoIncrement: true });
      db.createObjectStore(GENERATIONS_STORE, { keyPath: 'id' });
      db.createObjectStore(WEIGHTS_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () =>
      reject(new Error('IndexedDB is held by an older version of the app in another tab'));
  });
}

export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('an IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('an IndexedDB transaction was aborted'));
  });
}

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('an IndexedDB read failed'));
  });
}

export async function readWeights(generationId: string): Promise<StoredWeights | undefined> {
  const db = await openLearnDb();
  try {
    const tx = db.transaction(WEIGHTS_STORE);
    return await requestResult(
      tx.objectStore(WEIGHTS_STORE).get(generationId) as IDBRequest<StoredWeights | undefined>,
    );
  } finally {
    db.close();
  }
}
