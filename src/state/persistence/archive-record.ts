import { replay, type SearchEvent } from '../../core/events';
import { sessionFile, summarize, type SessionSummary } from '../files/session-file';
import { encodeSnapshotState } from '../files/snapshot-json';
import type { Checkpoint, SearchRunner } from '../search-runner';
import type { Setup } from '../setup';

/**
 * How a session is kept in the archive: the setup, the event log and the checkpoints, as JSON,
 * without the tree (the log replays to it). Saved while the search runs, so it must cost little
 * on the main thread however big the tree grows: each event and checkpoint is turned into JSON
 * once, when it is new, and a save joins the pieces. Reopening builds our session file from it
 * and reads that through the import's checks, so a damaged record is refused like a damaged file.
 */
export const ARCHIVE_FORMAT = 'rlm-playground/archived-session';

export interface ArchiveText {
  readonly text: string;
  readonly summary: SessionSummary;
}

/** Keeps the JSON of what it has seen of one search, item by item, in step with its log. */
export class ArchiveRecordWriter {
  private runner: SearchRunner | null = null;
  private readonly events: { readonly ref: SearchEvent; readonly json: string }[] = [];
  private readonly checkpoints: { readonly ref: Checkpoint; readonly json: string }[] = [];

  /**
   * The record of the search as it stands after its last whole operator (events a phase still
   * in flight has applied are left out); null before it has done anything.
   */
  text(setup: Setup, runner: SearchRunner): ArchiveText | null {
    const last = runner.checkpoints.at(-1);
    if (!last || runner.checkpoints.length < 2) return null;
    if (runner !== this.runner) {
      this.runner = runner;
      this.events.length = 0;
      this.checkpoints.length = 0;
    }
    const events = runner.session.events.slice(0, last.session.eventCount);
    sync(this.events, events, (e) => JSON.stringify(e));
    sync(this.checkpoints, runner.checkpoints, (c) =>
      JSON.stringify({ ...c, strategy: { ...c.strategy, state: encodeSnapshotState(c.strategy.state) } }),
    );
    const text = `{"format":${JSON.stringify(ARCHIVE_FORMAT)},"setup":${JSON.stringify(setup)},"events":[${this.events
      .map((e) => e.json)
      .join(',')}],"checkpoints":[${this.checkpoints.map((c) => c.json).join(',')}]}`;
    return { text, summary: summarize(setup.strategy, events, runner.session.tree, runner.checkpoints) };
  }
}

/**
 * Brings `kept` in line with `items`: the common prefix (same objects) stays, the rest is
 * turned into JSON anew. A log only grows while the search runs; a backtrack or a timeline fork
 * cuts it, and then only what follows the cut is new.
 */
function sync<T>(kept: { ref: T; json: string }[], items: readonly T[], json: (item: T) => string): void {
  let same = 0;
  while (same < kept.length && same < items.length && kept[same]?.ref === items[same]) same++;
  kept.length = same;
  for (let i = same; i < items.length; i++) {
    const ref = items[i] as T;
    kept.push({ ref, json: json(ref) });
  }
}

/** Thrown when a record is not one this archive wrote (damaged, or from a newer version). */
export class ArchiveRecordError extends Error {
  override readonly name = 'ArchiveRecordError';
}

/** Our session file's text for an archive record, for the import to check and open. */
export function sessionTextOf(record: string): string {
  let data: unknown;
  try {
    data = JSON.parse(record);
  } catch {
    throw new ArchiveRecordError('the saved session is not valid JSON');
  }
  const r = data as { format?: unknown; setup?: unknown; events?: unknown; checkpoints?: unknown };
  if (typeof data !== 'object' || data === null || r.format !== ARCHIVE_FORMAT)
    throw new ArchiveRecordError('the saved session is not in a format this version reads');
  if (
    !Array.isArray(r.events) ||
    !Array.isArray(r.checkpoints) ||
    typeof r.setup !== 'object' ||
    r.setup === null
  )
    throw new ArchiveRecordError('the saved session lacks its setup, events or checkpoints');
  const events = r.events as SearchEvent[];
  let tree;
  try {
    tree = replay(events);
  } catch (e) {
    throw new ArchiveRecordError(
      `the saved events do not replay: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  // Written out as an exported file would be (the checkpoints are kept with their strategy states
  // tagged already, as serializeSession tags them); the import decodes and checks it all.
  const setup = r.setup as Setup;
  const checkpoints = r.checkpoints as Checkpoint[];
  const file = sessionFile({ setup, events, tree, checkpoints: [], exportedAt: new Date() });
  return JSON.stringify({
    ...file,
    checkpoints,
    summary: summarize(setup.strategy, events, tree, checkpoints),
  });
}
