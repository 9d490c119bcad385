import { floatData } from './tensor-data';
import type { Tensor } from '@huggingface/transformers';
import type { Rng } from '../core/rng';
import { int64Tensor } from './batch';
import { CancelledError } from './errors';
import { buildPast, gatherRows, readPresent, type PresentBlock } from './kv';
import type { PolicyCache, Prefilled } from './policy-cache';
import { chooseToken, logSoftmax } from './sampling';
import { forcedTokens, type DraftNode } from './step-drafts';
import {
  advance,
  drawAlongDrafts,
  splitGroups,
  storeEnded,
  unchanged,
  type Band,
  type Feed,
  type Row,
} from './shared-groups';
import type { LoadedModel } from './transformers-models';

/** One request of a decoding: its context, how many samples it wants, its trie of allowed steps. */
export interface DecodeRequest {
  readonly context: readonly number[];
  readonly samples: number;
  /** The request's allowed next steps as token ids (null: no drafts). */
  readonly draft: DraftNode | null;
}

export interface DecodeOptions {
  readonly cache: PolicyCache;
  readonly model: LoadedModel;
  readonly banned: ReadonlySet<number>;
  /** The row ends after `tok`, the last of `ids` (an end of sequence, or the step's separator). */
  readonly isEnd: (ids: readonly number[], tok: number) => boolean;
  readonly temperature: number;
  readonly maxStepTokens: number;
  /** The random stream of batch row `row` (rows are numbered request by request). */
  readonly rngOf: (row: number) => Rng;
  /** Stops the decoding between two passes (it then throws CancelledError). */
  readonly signal?: AbortSignal;
}

export interface DecodeStats {
  /** Forward passes, prefills included. */
  forward: number;
  /** Tokens fed that were not newly generated (contexts, and drafted positions turned down). */
  prefill: number;
  generated: number;
}

export interface Sample {
  readonly ids: number[];
  readonly logProb: number;
}

/**
 * Decoding with prefixes shared, as a radix tree shares them: each request's context starts from
 * the prefix cache, and its rows are one row of the batch for as long as they have drawn the
 * same tokens; a group splits when its rows draw differently, and leaves the batch when all of
 * them have ended. Tokens are drawn row by row in row order, as without sharing, so the same
 * seed draws the same samples. What the model computed goes back into the cache. The samples
 * come back in row order: each request's, in request order.
 */
export async function decodeShared(
  requests: readonly DecodeRequest[],
  options: DecodeOptions,
): Promise<{ samples: Sample[]; stats: DecodeStats }> {
  const { cache, model, signal } = options;
  const stats: DecodeStats = { forward: 0, prefill: 0, generated: 0 };
  const started: { readonly request: DecodeRequest; readonly prefilled: Prefilled }[] = [];
  for (const request of requests) {
    const prefilled = await cache.prefill(request.context);
    stats.forward += 1;
    stats.prefill += prefilled.fed;
    started.push({ request, prefilled });
  }
  const layout = cache.layout;
  if (!layout) throw new Error('the prefix cache has no layout after its prefills');
  const choose = (lp: Float64Array, row: number): number => {
    stats.generated += 1;
    return chooseToken(lp, options.temperature, options.rngOf(row), options.banned);
  };
  const draw = (row: Row, lp: Float64Array): void => {
    const tok = choose(lp, row.index);
    row.ids.push(tok);
    row.last = tok;
    row.logProb += lp[tok] ?? 0;
    if (options.isEnd(row.ids, tok)) row.done = true;
  };

  // The first token of every row comes from its request's prefill.
  const rows: Row[] = [];
  const firstDraws = (prefilled: Prefilled, count: number): Row[] => {
    if (count <= 0) return [];
    const lp = logSoftmax(prefilled.logits, 0, prefilled.logits.length);
    return Array.from({ length: count }, () => {
      const tok = choose(lp, rows.length);
      const ids = [tok];
      const row: Row = {
        index: rows.length,
        ids,
        last: tok,
        logProb: lp[tok] ?? 0,
        done: options.isEnd(ids, tok),
      };
      rows.push(row);
      return row;
    });
  };
  const opened = started.map((s) => ({ ...s, rows: firstDraws(s.prefilled, s.request.samples) }));
  const { past: firstPast, width } = buildPast(
    layout,
    opened.map(({ prefilled }) => [prefilled.run]),
  );
  // The bands whose keys/values rows `past` holds, in its row order.
  let held: readonly Band[] = opened.map(({ request, rows: own }) => ({
    context: request.context,
    rows: own,
    pad: width - request.context.length,
    draft: request.draft,
  }));
  let split = splitGroups(held);
  let block: PresentBlock | null = null;
  let past: Record<string, Tensor> = firstPast;
  let pastWidth = width;

  try {
    // t: tokens drawn so far by every row still going (rows move in step).
    for (let t = 1; t < options.maxStepTokens && split.groups.length > 0;) {
      if (signal?.aborted) throw new CancelledError('generation cancelled');
      // This step's groups and their keys/values rows: the parents' rows, gathered when the
      // groups changed (a split or an end) or drafted positions were turned down, else the last
      // present as it is.
      if (!unchanged(split.parents, held.length) || (block !== null && block.length > pastWidth)) {
        const present = block ?? (await readPresent(renamed(past, 'present'), layout.layers));
        const gathered = gatherRows(present, split.parents, pastWidth);
        for (const tensor of Object.values(past)) tensor.dispose();
        past = gathered;
      }
      // Each group feeds its last token, then what its request's rules force after it. Rows move
      // in step, so the draws stop where the shortest draft ends: each group feeds that many.
      const drafts = split.groups.map((group) => ({
        group,
        forced: forcedTokens(group.draft, options.maxStepTokens - t - 1),
      }));
      const most = Math.min(...drafts.map((d) => d.forced.length));
      const feeds: Feed[] = drafts.map((d) => ({ ...d, forced: d.forced.slice(0, most) }));
      const n = feeds.length;
      const span = 1 + most;
      const ids: number[] = [];
      const positions: number[] = [];
      for (const { group, forced } of feeds) {
        const lead = group.rows[0];
        const at = group.context.length + lead.ids.length - 1;
        [lead.last, ...forced].forEach((tok, j) => {
          ids.push(tok);
          positions.push(at + j);
        });
      }
      const out = await model.forward({
        input_ids: int64Tensor(ids, [n, span]),
        attention_mask: int64Tensor(
          feeds.flatMap(({ group: { pad } }) => [
            ...new Array<number>(pad).fill(0),
            ...new Array<number>(pastWidth + span - pad).fill(1),
          ]),
          [n, pastWidth + span],
        ),
        position_ids: int64Tensor(positions, [n, span]),
        past_key_values: past,
      });
      stats.forward += 1;
      for (const tensor of Object.values(past)) tensor.dispose();
      const logits = out.logits;
      if (!logits) throw new Error(`policy model ${model.name} returned no "logits" output`);
      const taken = drawAlongDrafts(floatData(logits), logits.dims[2] ?? 1, span, feeds, draw);
      // Drafted positions after the last draw were fed for nothing: counted with the prefill, the
      // tokens fed that were not newly generated.
      stats.prefill += n * (span - taken);
      t += taken;
      pastWidth += taken;
      // The tokens drawn before the last one followed the draft: the trie moves on through them.
      const groups = feeds.map(({ group, forced }) => ({
        ...group,
        draft: advance(group.draft, forced.slice(0, taken - 1)),
      }));
      past = renamed(out, 'past_key_values');
      logits.dispose();
      split = splitGroups(groups);
      // The keys/values are read back (downloaded, on a GPU) only when the groups change or a
      // draft was turned down: rows that just ended leave the batch, their context and every
      // token fed so far going into the cache first, split groups need their rows copied, and
      // turned-down positions must go.
      const changed = !unchanged(split.parents, groups.length);
      block = changed || taken < span ? await readPresent(out, layout.layers) : null;
      if (block) storeEnded(cache, block, groups, split.parents);
      held = groups;
    }
    // Stopped at the token cap: the rows still going are stored as they stand.
    if (split.groups.length > 0) {
      const last = block ?? (await readPresent(renamed(past, 'present'), layout.layers));
      storeEnded(cache, last, held, []);
    }
  } finally {
    for (const tensor of Object.values(past)) tensor.dispose();
  }
  return { samples: rows.map(({ ids, logProb }) => ({ ids, logProb })), stats };
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
