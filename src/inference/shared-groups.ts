/*
 * The bookkeeping of shared decoding (shared-decode.ts): the batch's rows, the groups of rows that
 * share one row of keys/values, how groups split, and what goes back into the prefix cache.
 */
import type { PresentBlock } from './kv';
import type { PolicyCache } from './policy-cache';
import { logSoftmax } from './sampling';
import { followDraft, type DraftNode } from './step-drafts';

/** One row of the batch: one sample of one request, as drawn so far. */
export interface Row {
  /** Its place in the batch: rows draw in this order. */
  readonly index: number;
  readonly ids: number[];
  /** The token drawn last. */
  last: number;
  logProb: number;
  done: boolean;
}

/** Rows that share their request and every token so far: one row of keys/values for all of them. */
export interface Band {
  readonly context: readonly number[];
  /** Empty only for a request that wants no samples. */
  readonly rows: readonly Row[];
  /** Left padding of its keys/values row. */
  readonly pad: number;
  /** Where its tokens stand in its request's trie of allowed steps (null: off it, no drafts). */
  readonly draft: DraftNode | null;
}

/** A band with rows still going: those of a decoding step. */
export interface Group extends Band {
  readonly rows: readonly [Row, ...Row[]];
}

/** A group in one forward pass, with what its request's rules force after its last token. */
export interface Feed {
  readonly group: Group;
  readonly forced: readonly number[];
}

/** Whether the next groups are the last ones, one for one (`parents` is 0, 1, ..., count - 1). */
export function unchanged(parents: readonly number[], count: number): boolean {
  return parents.length === count && parents.every((p, i) => p === i);
}

/**
 * Draws from one forward pass that fed each group its last token and its draft: position by
 * position, every row still going draws from its group's logits there, in row order, exactly as
 * plain decoding draws one position per pass. A position's logits hold only while the tokens fed
 * before it are the ones drawn, so the draws stop at the first position where some row still
 * going drew off its draft before. Returns how many positions were drawn (at least one).
 */
export function drawAlongDrafts(
  data: Float32Array,
  vocab: number,
  width: number,
  feeds: readonly Feed[],
  draw: (row: Row, lp: Float64Array) => void,
): number {
  // Groups interleave in row order (a request's rows split in any pattern): sorted back into it.
  const order = feeds
    .flatMap(({ group, forced }, batchRow) => group.rows.map((row) => ({ row, batchRow, forced })))
    .sort((a, b) => a.row.index - b.row.index);
  const offDraft = new Set<Row>();
  let j = 0;
  for (; j < width; j++) {
    const live = order.filter(({ row }) => !row.done);
    if (live.length === 0 || live.some(({ row }) => offDraft.has(row))) break;
    const perGroup = new Map<number, Float64Array>();
    for (const { row, batchRow } of live) {
      let lp = perGroup.get(batchRow);
      if (!lp) {
        lp = logSoftmax(data, (batchRow * width + j) * vocab, vocab);
        perGroup.set(batchRow, lp);
      }
      draw(row, lp);
    }
    for (const { row, forced } of live) {
      if (forced[j] !== row.last) offDraft.add(row);
    }
  }
  return j;
}

/** A trie position moved on through `tokens`. */
export function advance(node: DraftNode | null, tokens: readonly number[]): DraftNode | null {
  return tokens.reduce<DraftNode | null>(followDraft, node);
}

/** The next step's groups: each band split by the token its rows just drew; ended rows out. */
export function splitGroups(bands: readonly Band[]): { groups: Group[]; parents: number[] } {
  const groups: Group[] = [];
  const parents: number[] = [];
  bands.forEach((band, i) => {
    const byToken = new Map<number, [Row, ...Row[]]>();
    for (const row of band.rows) {
      if (row.done) continue;
      const same = byToken.get(row.last);
      if (same) same.push(row);
      else byToken.set(row.last, [row]);
    }
    for (const [tok, rows] of byToken) {
      groups.push({ context: band.context, rows, pad: band.pad, draft: followDraft(band.draft, tok) });
      parents.push(i);
    }
  });
  return { groups, parents };
}

/** Stores the bands that have no successor in `kept` (every row ended, or the decoding stopped). */
export function storeEnded(
  cache: PolicyCache,
  block: PresentBlock,
  bands: readonly Band[],
  kept: readonly number[],
): void {
  const live = new Set(kept);
  cache.store(
    block,
    bands.flatMap((band, row) => {
      if (live.has(row)) return [];
      // The last token drawn was never fed: the block holds the context and the tokens before it
      // (a band without rows fed only its context).
      const fed = band.rows[0]?.ids.slice(0, -1) ?? [];
      return [{ ids: [...band.context, ...fed], pad: band.pad, row }];
    }),
  );
}
