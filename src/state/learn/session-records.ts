import { formatPrompt } from '../../core/tasks/countdown';
import { BufferFileError, bufferFileText, parseBufferFile, type BufferRecord } from '../../learn/buffer-file';
import { pathExamples } from '../../learn/examples';
import { sessionTextOf } from '../persistence/archive-record';
import type { SessionArchive } from '../persistence/session-archive';
import { parseImportText } from '../files/import-file';
import { validateSetup } from '../setup-validate';

/**
 * The playground's saved searches as replay-buffer records (source 'session', round 0): each
 * saved Countdown session is read back through the import's checks, its tree rebuilt from its
 * event log, and its examples taken exactly as self-play takes them. A session that cannot be
 * read, is not Countdown, or taught nothing (no simulation passed through a step) is skipped.
 */
export interface SessionRecords {
  readonly records: BufferRecord[];
  /** Saved sessions that gave no record, and why (counted by reason). */
  readonly skipped: Readonly<Record<string, number>>;
}

/** Identifies a record's content, so that the same search is not added twice. */
export function recordKey(r: Pick<BufferRecord, 'puzzle' | 'examples'>): string {
  return JSON.stringify([r.puzzle, r.examples]);
}

export async function sessionRecords(archive: SessionArchive): Promise<SessionRecords> {
  const records: BufferRecord[] = [];
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  for (const info of await archive.list()) {
    const saved = await archive.get(info.id);
    if (!saved) continue;
    let imported;
    try {
      imported = parseImportText(sessionTextOf(saved.text));
    } catch {
      skip('unreadable');
      continue;
    }
    if (imported.kind !== 'session') continue;
    const { file, tree } = imported;
    const valid = validateSetup(file.setup).valid;
    if (!valid || valid.task !== 'countdown') {
      skip('not Countdown');
      continue;
    }
    const puzzle = valid.problem;
    const examples = pathExamples(tree, file.events, formatPrompt(puzzle));
    if (examples.length === 0) {
      skip('no searched steps');
      continue;
    }
    const record: BufferRecord = {
      round: 0,
      puzzle: { numbers: [...puzzle.numbers], target: puzzle.target },
      solved: Object.values(tree.nodes).some((n) => n.status === 'solved' && !n.pruned),
      examples,
      source: 'session',
    };
    // Through the same checks as an imported file (a step too long for the models, say).
    try {
      records.push(...parseBufferFile(bufferFileText([record])));
    } catch (e) {
      if (!(e instanceof BufferFileError)) throw e;
      skip('outside the buffer limits');
    }
  }
  return { records, skipped };
}
