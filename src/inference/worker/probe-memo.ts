import type { ProbeMemo, ProbeResult } from './backend-choice';

/**
 * Browser-only (the worker): the backend probe's results, kept in the worker's scope and in
 * IndexedDB for a few hours, so that neither another load nor a reload of the page times the
 * backends again on the same adapter. Where IndexedDB is missing or fails, only the worker's copy
 * is kept: the probe is short, so losing a result costs little.
 */
const DB_NAME = 'rlm-backend-probe';
const STORE = 'results';
/** Long enough for a working session; short enough that a driver update is measured again. */
const KEEP_MS = 12 * 60 * 60 * 1000;

interface Stored {
  readonly wasm: number;
  readonly webgpu: number;
  readonly at: number;
}

function isStored(x: unknown): x is Stored {
  return (
    typeof x === 'object' &&
    x !== null &&
    'wasm' in x &&
    typeof x.wasm === 'number' &&
    'webgpu' in x &&
    typeof x.webgpu === 'number' &&
    'at' in x &&
    typeof x.at === 'number'
  );
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('an IndexedDB request failed'));
  });
}

export function createProbeMemo(now: () => number = Date.now): ProbeMemo {
  const seen = new Map<string, ProbeResult>();
  let db: Promise<IDBDatabase> | undefined;
  const database = (): Promise<IDBDatabase> => (db ??= open());

  async function stored(key: string): Promise<ProbeResult | undefined> {
    if (typeof indexedDB === 'undefined') return undefined;
    try {
      const tx = (await database()).transaction(STORE);
      const hit: unknown = await settle(tx.objectStore(STORE).get(key));
      if (!isStored(hit) || now() - hit.at > KEEP_MS) return undefined;
      return { wasm: hit.wasm, webgpu: hit.webgpu };
    } catch {
      return undefined;
    }
  }

  return {
    async get(key) {
      const hit = seen.get(key) ?? (await stored(key));
      if (hit) seen.set(key, hit);
      return hit;
    },
    async set(key, result) {
      seen.set(key, result);
      if (typeof indexedDB === 'undefined') return;
      try {
        const tx = (await database()).transaction(STORE, 'readwrite');
        const record: Stored = { ...result, at: now() };
        await settle(tx.objectStore(STORE).put(record, key));
      } catch {
        // Kept in the worker's scope only; the next page load measures again.
      }
    },
  };
}
