import type { SessionSummary } from '../files/session-file';
import type { SearchRunner } from '../search-runner';

/**
 * Where sessions are kept between visits: IndexedDB in the page (indexeddb-archive.ts), a map in
 * memory in unit tests. A session is stored as the text of our own session file
 * (docs/tree-format.md), so reopening one goes through the same checks as an import.
 */
export interface SavedSessionInfo {
  readonly id: string;
  readonly name: string;
  /** Milliseconds since the epoch. */
  readonly updatedAt: number;
  readonly summary: SessionSummary;
  /** The setup as the URL writes it (a reload of that URL reopens the latest such session). */
  readonly query: string;
}

export interface SessionArchive {
  /** Newest first. */
  list(): Promise<SavedSessionInfo[]>;
  get(id: string): Promise<{ readonly info: SavedSessionInfo; readonly text: string } | undefined>;
  put(info: SavedSessionInfo, text: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
}

/** An archive in memory: what the unit tests use, and the page when IndexedDB is not available. */
export class MemoryArchive implements SessionArchive {
  private readonly records = new Map<string, { info: SavedSessionInfo; text: string }>();

  async list(): Promise<SavedSessionInfo[]> {
    return [...this.records.values()].map((r) => r.info).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string) {
    return this.records.get(id);
  }

  async put(info: SavedSessionInfo, text: string): Promise<void> {
    this.records.set(info.id, { info, text });
  }

  async rename(id: string, name: string): Promise<void> {
    const r = this.records.get(id);
    if (r) this.records.set(id, { ...r, info: { ...r.info, name } });
  }

  async remove(id: string): Promise<void> {
    this.records.delete(id);
  }
}

/**
 * Which archived session each search is saved as. A new search gets a new id when it is first
 * saved; a search reopened from the archive goes on under the id it came from.
 */
const archiveIds = new WeakMap<SearchRunner, string>();
let made = 0;

export function archiveIdOf(runner: SearchRunner): string {
  let id = archiveIds.get(runner);
  if (!id) {
    id = `s${Date.now().toString(36)}-${(made++).toString(36)}`;
    archiveIds.set(runner, id);
  }
  return id;
}

export function bindArchiveId(runner: SearchRunner, id: string): void {
  archiveIds.set(runner, id);
}

/** The longest a name may be: it is typed by hand and shown in a list. */
export const MAX_SESSION_NAME = 120;
