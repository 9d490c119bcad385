import { z } from 'zod';
import { formatPrompt, InvalidProblemError, validateCountdownProblem } from '../core/tasks/countdown';
import type { PathExample } from './examples';
import type { SelfPlayRecord } from './self-play';

/**
 * The replay buffer as a file: `{"format":"rlm-replay-buffer","version":1,"records":[...]}`. An
 * import is read whole and checked whole before anything is stored: a file that is not JSON, is
 * another format or version, is too large, or holds one malformed record is refused with a message
 * that says which and where, and nothing of it is kept.
 */
export const BUFFER_FORMAT = 'rlm-replay-buffer';
export const BUFFER_VERSION = 1;

/** A record of the replay buffer: one finished search's examples, and where it came from. */
export interface BufferRecord extends SelfPlayRecord {
  /** 'session': a search saved in the playground (round 0); 'self-play': the learning loop's. */
  readonly source: 'self-play' | 'session';
}

export const BUFFER_LIMITS = {
  bytes: 64 * 1024 * 1024,
  records: 20_000,
  examplesPerRecord: 2_000,
  stepsPerExample: 16,
  /** Characters per step: the embedded models see 128 tokens (one per character) in all. */
  stepChars: 128,
} as const;

export class BufferFileError extends Error {
  override readonly name = 'BufferFileError';
}

const weight = z.number().min(0).max(1);
const target = weight.nullable();

const exampleSchema = z
  .object({
    prompt: z.string().max(200),
    steps: z
      .array(
        z
          .string()
          .max(BUFFER_LIMITS.stepChars)
          .refine((s) => !s.includes('\n'), 'a step is one line'),
      )
      .max(BUFFER_LIMITS.stepsPerExample),
    policy: z.array(weight),
    outcome: z.array(target),
    q: z.array(target),
  })
  .strict()
  .superRefine((e, ctx) => {
    const n = e.steps.length;
    if (e.policy.length !== n)
      ctx.addIssue({ code: 'custom', message: `policy has ${e.policy.length} weights for ${n} steps` });
    for (const key of ['outcome', 'q'] as const)
      if (e[key].length !== n + 1)
        ctx.addIssue({
          code: 'custom',
          message: `${key} has ${e[key].length} targets for ${n} steps (one per state: ${n + 1})`,
        });
  });

const recordSchema = z
  .object({
    round: z.number().int().min(0).max(1_000_000),
    puzzle: z.unknown(),
    solved: z.boolean(),
    examples: z.array(exampleSchema).max(BUFFER_LIMITS.examplesPerRecord),
    source: z.enum(['self-play', 'session']),
  })
  .strict();

function where(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => {
      if (i === 0) return `record ${Number(p) + 1}`;
      if (typeof p === 'number') return `[${p}]`;
      return `.${String(p)}`;
    })
    .join('')
    .replace(/\.examples\[(\d+)\]/, (_, i: string) => `, example ${Number(i) + 1}`);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Refuses a file over the byte limit; call it with File.size before reading the file. */
export function checkBufferFileSize(bytes: number): void {
  if (bytes > BUFFER_LIMITS.bytes)
    throw new BufferFileError(
      `too large: the file is ${megabytes(bytes)}; a replay buffer file may be up to ${megabytes(BUFFER_LIMITS.bytes)}`,
    );
}

function checkRecord(value: unknown, index: number): BufferRecord {
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = [index, ...(issue?.path ?? [])];
    throw new BufferFileError(`malformed: ${where(path)}: ${issue?.message ?? 'not a replay-buffer record'}`);
  }
  const r = parsed.data;
  let puzzle;
  try {
    puzzle = validateCountdownProblem(r.puzzle);
  } catch (e) {
    if (!(e instanceof InvalidProblemError)) throw e;
    throw new BufferFileError(`malformed: record ${index + 1}.puzzle: ${e.message}`);
  }
  const prompt = formatPrompt(puzzle);
  const wrong = r.examples.findIndex((e) => e.prompt !== prompt);
  if (wrong >= 0)
    throw new BufferFileError(
      `malformed: record ${index + 1}, example ${wrong + 1}: its prompt is not the puzzle's (${JSON.stringify(prompt)})`,
    );
  return {
    round: r.round,
    puzzle: { numbers: [...puzzle.numbers], target: puzzle.target },
    solved: r.solved,
    examples: r.examples as PathExample[],
    source: r.source,
  };
}

/** The records of a replay-buffer file, checked whole; throws BufferFileError saying what is wrong. */
export function parseBufferFile(text: string): BufferRecord[] {
  checkBufferFileSize(new TextEncoder().encode(text).length);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BufferFileError(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const head = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (head.format !== BUFFER_FORMAT)
    throw new BufferFileError(
      `foreign: this is not a replay buffer (format ${JSON.stringify(head.format ?? null)}, expected "${BUFFER_FORMAT}")`,
    );
  if (head.version !== BUFFER_VERSION)
    throw new BufferFileError(
      `foreign: a replay buffer of version ${JSON.stringify(head.version ?? null)}; this app reads version ${BUFFER_VERSION}`,
    );
  const records = head.records;
  if (!Array.isArray(records)) throw new BufferFileError('malformed: "records" must be an array');
  if (records.length > BUFFER_LIMITS.records)
    throw new BufferFileError(
      `too large: ${records.length.toLocaleString('en')} records; a replay buffer file may hold up to ${BUFFER_LIMITS.records.toLocaleString('en')}`,
    );
  return records.map(checkRecord);
}

export function bufferFileText(records: readonly BufferRecord[]): string {
  return JSON.stringify({ format: BUFFER_FORMAT, version: BUFFER_VERSION, records });
}
