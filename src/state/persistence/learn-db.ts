import {
  BUFFER_STORE,
  GENERATIONS_STORE,
  openLearnDb,
  requestResult,
  transactionDone,
  WEIGHTS_STORE,
  type StoredWeights,
} from '../../inference/learned-db';
import type { BufferRecord } from '../../learn/buffer-file';
import type { StoredGeneration } from '../learn/learn-types';

/**
 * Where the Learn view keeps its replay buffer and its generations between visits: IndexedDB in
 * the page (the schema is in inference/learned-db.ts, shared with the model worker, which loads a
 * generation's weights by id), a map in memory in unit tests. Each write is one transaction, so an
 * import or a generation is stored whole or not at all.
 */
export interface LearnStorage {
  /** Oldest first. */
  records(): Promise<BufferRecord[]>;
  addRecords(records: readonly BufferRecord[]): Promise<void>;
  clearBuffer(): Promise<void>;
  /** Oldest first. */
  generations(): Promise<StoredGeneration[]>;
  putGeneration(generation: StoredGeneration, weights: StoredWeights): Promise<void>;
  weights(id: string): Promise<StoredWeights | undefined>;
  /** Forgets every generation and its weights (the buffer stays). */
  clearGenerations(): Promise<void>;
}

export type { StoredWeights };

const byAge = (a: StoredGeneration, b: StoredGeneration) => a.createdAt - b.createdAt || a.round - b.round;

export class IndexedDbLearnStorage implements LearnStorage {
  private db: Promise<IDBDatabase> | null = null;

  private database(): Promise<IDBDatabase> {
    this.db ??= openLearnDb();
    return this.db;
  }

  async records(): Promise<BufferRecord[]> {
    const db = await this.database();
    return requestResult(
      db.transaction(BUFFER_STORE).objectStore(BUFFER_STORE).getAll() as IDBRequest<BufferRecord[]>,
    );
  }

  async addRecords(records: readonly BufferRecord[]): Promise<void> {
    const db = await this.database();
    const tx = db.transaction(BUFFER_STORE, 'readwrite');
    const store = tx.objectStore(BUFFER_STORE);
    for (const r of records) store.add(r);
    await transactionDone(tx);
  }

  async clearBuffer(): Promise<void> {
    const db = await this.database();
    const tx = db.transaction(BUFFER_STORE, 'readwrite');
    tx.objectStore(BUFFER_STORE).clear();
    await transactionDone(tx);
  }

  async generations(): Promise<StoredGeneration[]> {
    const db = await this.database();
    const all = await requestResult(
      db.transaction(GENERATIONS_STORE).objectStore(GENERATIONS_STORE).getAll() as IDBRequest<
        StoredGeneration[]
      >,
    );
    return all.sort(byAge);
  }

  async putGeneration(generation: StoredGeneration, weights: StoredWeights): Promise<void> {
    const db = await this.database();
    const tx = db.transaction([GENERATIONS_STORE, WEIGHTS_STORE], 'readwrite');
    tx.objectStore(GENERATIONS_STORE).put(generation);
    tx.objectStore(WEIGHTS_STORE).put(weights, generation.id);
    await transactionDone(tx);
  }

  async weights(id: string): Promise<StoredWeights | undefined> {
    const db = await this.database();
    return requestResult(
      db.transaction(WEIGHTS_STORE).objectStore(WEIGHTS_STORE).get(id) as IDBRequest<
        StoredWeights | undefined
      >,
    );
  }

  async clearGenerations(): Promise<void> {
    const db = await this.database();
    const tx = db.transaction([GENERATIONS_STORE, WEIGHTS_STORE], 'readwrite');
    tx.objectStore(GENERATIONS_STORE).clear();
    tx.objectStore(WEIGHTS_STORE).clear();
    await transactionDone(tx);
  }
}

/** The same in memory: for unit tests, and the page where IndexedDB is missing. */
export class MemoryLearnStorage implements LearnStorage {
  private buffer: BufferRecord[] = [];
  private readonly stored = new Map<string, { generation: StoredGeneration; weights: StoredWeights }>();

  async records(): Promise<BufferRecord[]> {
    return [...this.buffer];
  }
  async addRecords(records: readonly BufferRecord[]): Promise<void> {
    this.buffer = [...this.buffer, ...records];
  }
  async clearBuffer(): Promise<void> {
    this.buffer = [];
  }
  async generations(): Promise<StoredGeneration[]> {
    return [...this.stored.values()].map((s) => s.generation).sort(byAge);
  }
  async putGeneration(generation: StoredGeneration, weights: StoredWeights): Promise<void> {
    this.stored.set(generation.id, { generation, weights });
  }
  async weights(id: string): Promise<StoredWeights | undefined> {
    return this.stored.get(id)?.weights;
  }
  async clearGenerations(): Promise<void> {
    this.stored.clear();
  }
}
