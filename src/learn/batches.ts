import type { PathExample, ValueTarget } from './examples';
import { encodeChars, PAD_ID } from './vocab';

/**
 * Path examples as per-position arrays for a right-padded batch. Position p's logits predict the
 * token at p + 1, so a step's weight sits on the positions just before its tokens; a state's value
 * target sits on the last token of its text (the newline that ends it), where the value graph
 * reads it.
 */
export interface TokenRow {
  readonly ids: readonly number[];
  /** nextIds[p] = ids[p + 1] (PAD at the end). */
  readonly nextIds: readonly number[];
  readonly policyWeight: readonly number[];
  readonly valueTarget: readonly number[];
  readonly valueWeight: readonly number[];
  /** Sum of the step weights (the policy loss divides by it). */
  readonly stepWeight: number;
}

export function tokenRow(example: PathExample, target: ValueTarget): TokenRow {
  const ids = encodeChars(example.prompt);
  const ends = [ids.length - 1];
  const starts: number[] = [];
  for (const step of example.steps) {
    starts.push(ids.length);
    ids.push(...encodeChars(`${step}\n`));
    ends.push(ids.length - 1);
  }
  const n = ids.length;
  const policyWeight = new Array<number>(n).fill(0);
  const valueTarget = new Array<number>(n).fill(0);
  const valueWeight = new Array<number>(n).fill(0);
  let stepWeight = 0;
  example.steps.forEach((_, i) => {
    const w = example.policy[i] ?? 0;
    if (w <= 0) return;
    stepWeight += w;
    const start = starts[i] ?? 0;
    const end = ends[i + 1] ?? 0;
    for (let p = start; p <= end; p++) policyWeight[p - 1] = w;
  });
  const targets = target === 'outcome' ? example.outcome : example.q;
  ends.forEach((p, i) => {
    const t = targets[i];
    if (t === null || t === undefined) return;
    valueTarget[p] = t;
    valueWeight[p] = 1;
  });
  const nextIds = [...ids.slice(1), PAD_ID];
  return { ids, nextIds, policyWeight, valueTarget, valueWeight, stepWeight };
}

export interface Batch {
  readonly rows: number;
  readonly length: number;
  readonly ids: Int32Array;
  readonly nextIds: Int32Array;
  readonly policyWeight: Float32Array;
  readonly valueTarget: Float32Array;
  readonly valueWeight: Float32Array;
  /** Sum of the rows' step weights. */
  readonly stepWeight: number;
}

/** Right-pads rows to the longest one. */
export function makeBatch(rows: readonly TokenRow[]): Batch {
  const length = Math.max(1, ...rows.map((r) => r.ids.length));
  const size = rows.length * length;
  const batch: Batch = {
    rows: rows.length,
    length,
    ids: new Int32Array(size).fill(PAD_ID),
    nextIds: new Int32Array(size).fill(PAD_ID),
    policyWeight: new Float32Array(size),
    valueTarget: new Float32Array(size),
    valueWeight: new Float32Array(size),
    stepWeight: rows.reduce((a, r) => a + r.stepWeight, 0),
  };
  rows.forEach((r, b) => {
    const o = b * length;
    batch.ids.set(r.ids, o);
    batch.nextIds.set(r.nextIds, o);
    batch.policyWeight.set(r.policyWeight, o);
    batch.valueTarget.set(r.valueTarget, o);
    batch.valueWeight.set(r.valueWeight, o);
  });
  return batch;
}

/** Rows with something to learn for `kind` (a policy row needs a step weight, a value row a target). */
export function rowsFor(kind: 'policy' | 'value', rows: readonly TokenRow[], maxLength: number): TokenRow[] {
  return rows.filter(
    (r) =>
      r.ids.length <= maxLength && (kind === 'policy' ? r.stepWeight > 0 : r.valueWeight.some((w) => w > 0)),
  );
}

/**
 * Batches of about `tokens` padded tokens: rows sorted by length (after a seeded shuffle, so equal
 * lengths mix), cut into batches, then the batches shuffled. Little padding, random order.
 */
export function plan(rows: readonly TokenRow[], tokens: number, shuffle: <T>(xs: T[]) => T[]): TokenRow[][] {
  const sorted = shuffle([...rows]).sort((a, b) => a.ids.length - b.ids.length);
  const batches: TokenRow[][] = [];
  let current: TokenRow[] = [];
  for (const r of sorted) {
    const longest = Math.max(r.ids.length, ...current.map((c) => c.ids.length));
    if (current.length > 0 && longest * (current.length + 1) > tokens) {
      batches.push(current);
      current = [];
    }
    current.push(r);
  }
  if (current.length > 0) batches.push(current);
  return shuffle(batches);
}
