import type { SavedSessionInfo, SessionArchive } from './session-archive';

/**
 * Browser-only: the session archive in IndexedDB. Two object stores, so that listing the sessions
 * reads only their small descriptions, never the session files themselves.
 */
const DB_NAME = 'rlm-playground';
const INFOS = 'session-infos';
const FILES = 'session-files';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(INFOS, { keyPath: 'id' });
      request.result.createObjectStore(FILES);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('an IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('an IndexedDB transaction was aborted'));
  });
}

function read<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('an IndexedDB read failed'));
  });
}

export class IndexedDbArchive implements SessionArchive {
  private db: Promise<IDBDatabase> | null = null;

  private database(): Promise<IDBDatabase> {
    this.db ??= open();
    return this.db;
  }

  async list(): Promise<SavedSessionInfo[]> {
    const db = await this.database();
    const infos = await read(
      db.transaction(INFOS).objectStore(INFOS).getAll() as IDBRequest<SavedSessionInfo[]>,
    );
    return infos.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string) {
    const db = await this.database();
    const tx = db.transaction([INFOS, FILES]);
    const [info, text] = await Promise.all([
      read(tx.objectStore(INFOS).get(id) as IDBRequest<SavedSessionInfo | undefined>),
      read(tx.objectStore(FILES).get(id) as IDBRequest<string | undefined>),
    ]);
    return info && typeof text === 'string' ? { info, text } : undefined;
  }

  async put(info: SavedSessionInfo, text: string): Promise<void> {
    const db = await this.database();
    const tx = db.transaction([INFOS, FILES], 'readwrite');
    tx.objectStore(INFOS).put(info);
    tx.objectStore(FILES).put(text, info.id);
    await done(tx);
  }

  async rename(id: string, name: string): Promise<void> {
    const db = await this.database();
    const tx = db.transaction(INFOS, 'readwrite');
    const store = tx.objectStore(INFOS);
    const info = await read(store.get(id) as IDBRequest<SavedSessionInfo | undefined>);
    if (info) store.put({ ...info, name });
    await done(tx);
  }

  async remove(id: string): Promise<void> {
    const db = await this.database();
    const tx = db.transaction([INFOS, FILES], 'readwrite');
    tx.objectStore(INFOS).delete(id);
    tx.objectStore(FILES).delete(id);
    await done(tx);
  }
}
