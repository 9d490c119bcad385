import { searchRunnerOf } from '../search-host';
import type { SearchRunner } from '../search-runner';
import { setupToQuery, type Setup } from '../setup';
import type { PlaygroundStore } from '../store';
import { ArchiveRecordWriter } from './archive-record';
import { archiveIdOf, type SessionArchive } from './session-archive';

/** The least time between two saves; more when saving costs more (SAVE_COST_FACTOR). */
const MIN_INTERVAL_MS = 400;
/** Saving takes at most about a twentieth of the main thread, however big the tree grows. */
const SAVE_COST_FACTOR = 20;

/** A name to list a session under until the user gives it one. */
export function defaultSessionName(setup: Setup): string {
  const what =
    setup.task === 'countdown'
      ? `${setup.numbers.split(',').join(' ')} → ${setup.target}`
      : `math ${setup.problem === 'custom' ? setup.question.slice(0, 40) : setup.problem}`;
  return `${what} · ${setup.strategy} · seed ${setup.seed}`;
}

export interface Autosave {
  /** Saves now what has not been saved yet (the page calls it when it is hidden or closed). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Saves the search to the archive as it runs: after a change, within MIN_INTERVAL_MS (longer for
 * big trees), and only when a whole operator more has been done since the last save.
 */
export function startAutosave(store: PlaygroundStore, archive: SessionArchive): Autosave {
  let saved: { runner: SearchRunner; checkpoints: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSaveAt = -Infinity;
  let interval = MIN_INTERVAL_MS;
  let saving: Promise<void> = Promise.resolve();
  const writer = new ArchiveRecordWriter();

  const dirty = (): boolean => {
    const runner = searchRunnerOf(store);
    return !!runner && (saved?.runner !== runner || saved.checkpoints !== runner.checkpoints.length);
  };

  const save = async (): Promise<void> => {
    timer = undefined;
    const state = store.getState();
    const runner = searchRunnerOf(store);
    if (!runner || !dirty()) return;
    const started = performance.now();
    const record = writer.text(state.setup, runner);
    if (!record) return;
    const id = archiveIdOf(runner);
    saved = { runner, checkpoints: runner.checkpoints.length };
    const name = state.sessions.find((s) => s.id === id)?.name ?? defaultSessionName(state.setup);
    const info = {
      id,
      name,
      updatedAt: Date.now(),
      summary: record.summary,
      query: setupToQuery(state.setup),
    };
    interval = Math.max(MIN_INTERVAL_MS, SAVE_COST_FACTOR * (performance.now() - started));
    lastSaveAt = performance.now();
    try {
      await archive.put(info, record.text);
      store.getState().noteSaved(info);
    } catch (e) {
      store.getState().noteSaveFailed(e instanceof Error ? e.message : String(e));
    }
  };

  const schedule = () => {
    if (timer !== undefined || !dirty()) return;
    const wait = Math.max(0, lastSaveAt + interval - performance.now());
    timer = setTimeout(() => {
      saving = saving.then(save);
    }, wait);
  };

  const unsubscribe = store.subscribe(schedule);
  return {
    flush: async () => {
      clearTimeout(timer);
      timer = undefined;
      saving = saving.then(save);
      await saving;
    },
    stop: () => {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
