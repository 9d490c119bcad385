import type { Tensor } from '@huggingface/transformers';
import type { PolicyInput } from '../core/models';
import type { Rng } from '../core/rng';
import { int64Tensor } from './batch';
import { CancelledError } from './errors';
import { buildPast, gatherRows, readPresent, type KvLayout, type PresentBlock } from './kv';
import type { PolicyCache, Prefilled } from './policy-cache';
import { chooseToken, logSoftmax } from './sampling';
import { followDraft, forcedTokens, type DraftNode } from './step-drafts';
import type { LoadedModel } from './transformers-models';

/** What the shared decoding needs from the policy that runs it. */
export interface DecodeHooks {
  readonly model: LoadedModel;
  readonly banned: ReadonlySet<number>;
  /** The row ends after `tok` (an end of sequence, or the step's separator). */
  isEnd(ids: readonly number[], tok: number, separator: string): boolean;
  count(kind: 'forward' | 'prefill' | 'generated', n: number): void;
}

/** Rows that share their request and every token so far: one row of keys/values for all of them. */
interface Group {
  readonly owner: number;
  readonly rows: readonly number[];
  /** Left padding of its keys/values row. */
  readonly pad: number;
  /** Where its tokens stand in its request's trie of allowed steps (null: off it, no drafts). */
  readonly draft: DraftNode | null;
}

type Sample = { ids: number[]; logProb: number };

/**
 * Decoding with prefixes shared, as a radix tree shares them: each request's context starts from
 * the prefix cache, and its k rows are one row of the batch for as long as they have drawn the
 * same tokens; a group splits when its rows draw differently, and leaves the batch when all of
 * them have ended. Tokens are drawn row by row in row order, as without sharing, so the same
 * seed draws the same samples. What the model computed goes back into the cache.
 */
export async function decodeShared(
  cache: PolicyCache,
  hooks: DecodeHooks,
  contexts: readonly (readonly number[])[],
  owners: readonly number[],
  input: PolicyInput,
  rng: Rng,
  drafts: readonly (DraftNode | null)[],
  signal?: AbortSignal,
): Promise<Sample[]> {
  const separator = input.stepSeparator ?? '\n';
  const results: Sample[] = owners.map(() => ({ ids: [], logProb: 0 }));
  const done = owners.map(() => false);
  const prefilled: Prefilled[] = [];
  for (const ids of contexts) {
    const p = await cache.prefill(ids);
    hooks.count('forward', 1);
    hooks.count('prefill', p.fed);
    prefilled.push(p);
  }
  const layout = cache.layout as KvLayout;
  const draw = (rowLogits: (b: number) => Float64Array) => {
    for (let b = 0; b < owners.length; b++) {
      if (done[b]) continue;
      const lp = rowLogits(b);
      const tok = chooseToken(lp, input.temperature, rng, hooks.banned);
      const r = results[b] as Sample;
      r.ids.push(tok);
      r.logProb += lp[tok] ?? 0;
      hooks.count('generated', 1);
      if (hooks.isEnd(r.ids, tok, separator)) done[b] = true;
    }
  };

  // The first token of every row comes from its request's prefill.
  const firstOf = new Map<number, Float64Array>();
  draw((b) => {
    const owner = owners[b] as number;
    let lp = firstOf.get(owner);
    if (!lp) {
      const logits = (prefilled[owner] as Prefilled).logits;
      lp = logSoftmax(logits, 0, logits.length);
      firstOf.set(owner, lp);
    }
    return lp;
  });
  const requestGroups: Group[] = contexts.map((_, owner) => ({
    owner,
    rows: owners.flatMap((o, b) => (o === owner ? [b] : [])),
    pad: 0,
    draft: drafts[owner] ?? null,
  }));
  const { past: firstPast, width } = buildPast(
    layout,
    requestGroups.map((g) => [(prefilled[g.owner] as Prefilled).run]),
  );
  let groups = requestGroups.map((g) => ({ ...g, pad: width - (contexts[g.owner]?.length ?? 0) }));
  let parents = groups.map((_, i) => i);
  let split = splitGroups(groups, results, done);
  let block: PresentBlock | null = null;
  let past: Record<string, Tensor> = firstPast;
  let pastWidth = width;

  try {
    // t: tokens drawn so far by every row still going (rows move in step).
    for (let t = 1; t < input.maxStepTokens && split.groups.length > 0; ) {
      if (signal?.aborted) throw new CancelledError('generation cancelled');
      // This step's groups and their keys/values rows: the parents' rows, gathered when the
      // groups changed (a split or an end) or drafted positions were turned down, else the last
      // present as it is.
      const next = split.groups;
      const from = split.parents.map((p) => parents[p] as number);
      const same = from.length === groups.length && from.every((p, i) => p === i);
      if (!same || (block !== null && block.length > pastWidth)) {
        const rows = block ?? (await readPresent(renamed(past, 'present'), layout.layers));
        const gathered = gatherRows(rows, from, pastWidth);
        for (const tensor of Object.values(past)) tensor.dispose();
        past = gathered;
      }
      groups = next;
      const n = groups.length;
      // Each group feeds its last token, then what its request's rules force after it. Rows move
      // in step, so the draws stop where the shortest draft ends: each group feeds that many.
      const drafts = groups.map((g) => forcedTokens(g.draft, input.maxStepTokens - t - 1));
      const most = Math.min(...drafts.map((f) => f.length));
      const forced = drafts.map((f) => f.slice(0, most));
      const span = 1 + most;
      const ids: number[] = [];
      const positions: number[] = [];
      groups.forEach((g, i) => {
        const drawn = (results[g.rows[0] as number] as Sample).ids;
        const f = forced[i] as number[];
        const at = (contexts[g.owner]?.length ?? 0) + drawn.length - 1;
        for (let j = 0; j < span; j++) {
          ids.push(j === 0 ? (drawn.at(-1) as number) : (f[j - 1] ?? 0));
          positions.push(at + j);
        }
      });
      const out = await hooks.model.forward({
        input_ids: int64Tensor(ids, [n, span]),
        attention_mask: int64Tensor(
          groups.flatMap((g) => [...new Array<number>(g.pad).fill(0), ...new Array<number>(pastWidth + span - g.pad).fill(1)]),
          [n, pastWidth + span],
        ),
        position_ids: int64Tensor(positions, [n, span]),
        past_key_values: past,
      });
      hooks.count('forward', 1);
      for (const tensor of Object.values(past)) tensor.dispose();
      const logits = out.logits;
      if (!logits) throw new Error(`policy model ${hooks.model.name} returned no "logits" output`);
      const taken = drawAlongDrafts(logits.data as Float32Array, logits.dims[2] ?? 1, span, groups, forced, {
        draw,
        results,
        done,
      });
      // Drafted positions after the last draw were fed for nothing: counted with the prefill, the
      // tokens fed that were not newly generated.
      hooks.count('prefill', n * (span - taken));
      t += taken;
      pastWidth += taken;
      // The tokens drawn before the last one followed the draft: the trie moves on through them.
      groups = groups.map((g, i) => ({ ...g, draft: advance(g.draft, (forced[i] as number[]).slice(0, taken - 1)) }));
      past = renamed(out, 'past_key_values');
      logits.dispose();
      split = splitGroups(groups, results, done);
      // The keys/values are read back (downloaded, on a GPU) only when the groups change or a
      // draft was turned down: rows that just ended leave the batch, their context and every
      // token fed so far going into the cache first, split groups need their rows copied, and
      // turned-down positions must go.
      const changed = split.parents.length !== groups.length || split.parents.some((p, i) => p !== i);
      block = changed || taken < span ? await readPresent(out, layout.layers) : null;
      if (block) storeEnded(cache, block, groups, split.parents, contexts, results);
      parents = groups.map((_, i) => i);
    }
    // Stopped at the token cap: the rows still going are stored as they stand.
    if (split.groups.length > 0) {
      const last = block ?? (await readPresent(renamed(past, 'present'), layout.layers));
      storeEnded(cache, last, groups, [], contexts, results);
    }
  } finally {
    for (const tensor of Object.values(past)) tensor.dispose();
  }
  return results;
}

/** What one forward pass's draws need: the row-by-row draw, the rows so far, which rows ended. */
interface Draws {
  readonly draw: (rowLogits: (b: number) => Float64Array) => void;
  readonly results: readonly Sample[];
  readonly done: readonly boolean[];
}

/**
 * Draws from one forward pass that fed each group its last token and its draft: position by
 * position, every row still going draws from its group's logits there, in row order, exactly as
 * plain decoding draws one position per pass. A position's logits hold only while the tokens fed
 * before it are the ones drawn, so the draws stop at the first position where some row still
 * going drew off its draft before. Returns how many positions were drawn (at least one).
 */
function drawAlongDrafts(
  data: Float32Array,
  vocab: number,
  width: number,
  groups: readonly Group[],
  forced: readonly (readonly number[])[],
  d: Draws,
): number {
  const rowGroup = new Map<number, number>();
  groups.forEach((g, i) => g.rows.forEach((b) => rowGroup.set(b, i)));
  const offDraft = new Set<number>();
  let j = 0;
  for (; j < width; j++) {
    const live = [...rowGroup.keys()].filter((b) => !d.done[b]);
    if (live.length === 0 || live.some((b) => offDraft.has(b))) break;
    const perGroup = new Map<number, Float64Array>();
    d.draw((b) => {
      const g = rowGroup.get(b) as number;
      let lp = perGroup.get(g);
      if (!lp) {
        lp = logSoftmax(data, (g * width + j) * vocab, vocab);
        perGroup.set(g, lp);
      }
      return lp;
    });
    for (const b of live) {
      const f = forced[rowGroup.get(b) as number] as readonly number[];
      if (f[j] !== (d.results[b] as Sample).ids.at(-1)) offDraft.add(b);
    }
  }
  return j;
}

/** A trie position moved on through `tokens`. */
function advance(node: DraftNode | null, tokens: readonly number[]): DraftNode | null {
  return tokens.reduce<DraftNode | null>(followDraft, node);
}

/** The next step's groups: each live group split by the token its rows just drew; ended rows out. */
function splitGroups(groups: readonly Group[], results: readonly Sample[], done: readonly boolean[]) {
  const next: Group[] = [];
  const parents: number[] = [];
  groups.forEach((g, i) => {
    const byToken = new Map<number, number[]>();
    for (const b of g.rows) {
      if (done[b]) continue;
      const tok = (results[b] as Sample).ids.at(-1) as number;
      byToken.set(tok, [...(byToken.get(tok) ?? []), b]);
    }
    for (const [tok, rows] of byToken) {
      next.push({ owner: g.owner, rows, pad: g.pad, draft: followDraft(g.draft, tok) });
      parents.push(i);
    }
  });
  return { groups: next, parents };
}

/** Stores the groups that have no successor in `kept` (every row ended, or the decoding stopped). */
function storeEnded(
  cache: PolicyCache,
  block: PresentBlock,
  groups: readonly Group[],
  kept: readonly number[],
  contexts: readonly (readonly number[])[],
  results: readonly Sample[],
): void {
  const live = new Set(kept);
  const ended = groups.flatMap((g, i) => (live.has(i) ? [] : [{ g, i }]));
  cache.store(
    block,
    ended.map(({ g, i }) => {
      const ids = (results[g.rows[0] as number] as Sample).ids;
      // The last token drawn was never fed: the block holds the context and the tokens before it.
      return { ids: [...(contexts[g.owner] ?? []), ...ids.slice(0, -1)], pad: g.pad, row: i };
    }),
  );
}

/** present.* outputs as past_key_values.* inputs, or back. */
function renamed(tensors: Record<string, Tensor>, to: 'present' | 'past_key_values'): Record<string, Tensor> {
  const from = to === 'present' ? 'past_key_values' : 'present';
  return Object.fromEntries(
    Object.entries(tensors)
      .filter(([name]) => name.startsWith(from))
      .map(([name, t]) => [name.replace(from, to), t]),
  );
}
