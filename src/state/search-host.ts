import type { SearchEvent } from '../core/events';
import type { PhaseNote } from './phase-notes';
import type { SearchRunner } from './search-runner';
import { SimulationCounter, snapshotOf, type SearchSnapshot } from './search-snapshot';

/**
 * Where the store keeps the engine's runner: outside the state, as the loaded models are (they
 * are not data to render). The slices that drive the search (search, files, sessions) and the
 * autosave reach it here; the views only ever see the snapshots it publishes.
 */
export class SearchHost {
  private current: SearchRunner | null = null;
  private readonly counter = new SimulationCounter();

  get runner(): SearchRunner | null {
    return this.current;
  }

  /** Puts `runner` (or no search) in place; the snapshot to publish for it. */
  adopt(runner: SearchRunner | null, note: PhaseNote): SearchSnapshot | null {
    this.current = runner;
    this.counter.truncate(0);
    return runner ? this.snapshot(runner, note) : null;
  }

  /** The runner went back to an earlier checkpoint: counts past it are stale. */
  rewound(runner: SearchRunner): void {
    this.counter.truncate(runner.checkpoints.length);
  }

  snapshot(
    runner: SearchRunner,
    note: PhaseNote,
    events: readonly SearchEvent[] = [],
    view: Pick<SearchSnapshot, 'cursor'> & { readonly pastTree?: SearchSnapshot['shownTree'] } = {
      cursor: null,
    },
  ): SearchSnapshot {
    return snapshotOf({
      runner,
      note,
      events,
      counter: this.counter,
      cursor: view.cursor,
      ...(view.pastTree ? { pastTree: view.pastTree } : {}),
    });
  }
}

const hosts = new WeakMap<object, SearchHost>();

/** Ties a store to its host (store.ts, when it makes the store). */
export function bindSearchHost(store: object, host: SearchHost): void {
  hosts.set(store, host);
}

/**
 * The runner behind a store, for the state layer's own services (autosave) and its tests. The
 * views never call this (lint keeps src/ui from importing it): they read `search`.
 */
export function searchRunnerOf(store: object): SearchRunner | null {
  return hosts.get(store)?.runner ?? null;
}
