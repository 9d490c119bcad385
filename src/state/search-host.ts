import { replay, type SearchEvent } from '../core/events';
import type { PhaseNote } from './phase-notes';
import type { SearchRunner } from './search-runner';
import { SimulationCounter, snapshotOf, type SearchSnapshot } from './search-snapshot';
import { noteAtCheckpoint } from './timeline-note';

/** Where the snapshot stands: the present (cursor null) or a checkpoint with its replayed tree. */
type ShownAt = Pick<SearchSnapshot, 'cursor'> & { readonly pastTree?: SearchSnapshot['shownTree'] };

/**
 * Where the store keeps the engine's runner: outside the state, as the loaded models are (they
 * are not data to render). The slices that drive the search (search, files, sessions) and the
 * autosave reach it here; the views only ever see the snapshots it publishes.
 */
export class SearchHost {
  private current: SearchRunner | null = null;
  private replaying = false;
  private readonly counter = new SimulationCounter();

  get runner(): SearchRunner | null {
    return this.current;
  }

  /** The search on show is a recording (recording.ts): replayed, never searched on or saved. */
  get recording(): boolean {
    return this.replaying;
  }

  /** Puts `runner` (or no search) in place; the snapshot to publish for it. */
  adopt(
    runner: SearchRunner | null,
    note: PhaseNote,
    options: { readonly recording?: boolean; readonly cursor?: number | null } = {},
  ): SearchSnapshot | null {
    this.current = runner;
    this.replaying = options.recording ?? false;
    this.counter.truncate(0);
    return runner ? this.snapshot(runner, note, [], { cursor: options.cursor ?? null }) : null;
  }

  /** The runner went back to an earlier checkpoint: counts past it are stale. */
  rewound(runner: SearchRunner): void {
    this.counter.truncate(runner.checkpoints.length);
  }

  /**
   * The runner shown at checkpoint `index` (the last one is the present), with the note of the
   * operator that led there: the timeline's view, and a recording's replay.
   */
  showAt(runner: SearchRunner, index: number): SearchSnapshot {
    const last = runner.checkpoints.length - 1;
    const i = Math.max(0, Math.min(last, index));
    const checkpoint = runner.checkpoints[i];
    const present = i === last || !checkpoint;
    const tree = present ? runner.session.tree : replay(runner.session.events, checkpoint.session.eventCount);
    const note = noteAtCheckpoint(runner, i, tree);
    return this.snapshot(runner, note, [], present ? { cursor: null } : { cursor: i, pastTree: tree });
  }

  snapshot(
    runner: SearchRunner,
    note: PhaseNote,
    events: readonly SearchEvent[] = [],
    view: ShownAt = { cursor: null },
  ): SearchSnapshot {
    return snapshotOf({
      runner,
      note,
      events,
      counter: this.counter,
      cursor: view.cursor,
      recording: this.replaying,
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
 * The runner behind a store, for the state layer's own services (autosave) and its tests; none
 * while a recording is on show (it is not the user's search). The views never call this (lint
 * keeps src/ui from importing it): they read `search`.
 */
export function searchRunnerOf(store: object): SearchRunner | null {
  const host = hosts.get(store);
  return host && !host.recording ? host.runner : null;
}
