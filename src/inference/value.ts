import { floatData } from './tensor-data';
import type { Value, ValueInput } from '../core/models';
import { int64Tensor, leftPad } from './batch';
import { buildPast, concatRuns, readPresent, sliceRow, type PresentBlock } from './kv';
import { DEFAULT_CACHE_BYTES } from './policy-cache';
import { PrefixCache, type PrefixMatch } from './prefix-cache';
import { contextText } from './trace-text';
import { batchIndependent, encodePlain, layerCount, type LoadedModel } from './transformers-models';

export interface ValueOptions {
  /** Reuse the keys/values of traces scored before (default on; needs a graph with a cache). */
  readonly prefixCache?: boolean;
  readonly cacheBytes?: number;
}

/**
 * The value model: one batched forward pass over all partial traces; its logit at each trace's
 * last token is read through a sigmoid as P(the target is still reachable). With a graph that
 * takes a key/value cache, each trace starts from its longest scored prefix (a child from its
 * parent), so only its new step goes through the model.
 */
export class TransformersValue implements Value {
  forwardCalls = 0;
  tokensFed = 0;
  /**
   * Tokens fed that were not newly generated: the part of each trace before its last step (that
   * step was just written by the policy, so scoring it is new work; the rest was seen before).
   */
  prefillTokens = 0;
  private cache: PrefixCache | null = null;
  private readonly cacheable: boolean;

  constructor(
    private readonly model: LoadedModel,
    private readonly options: ValueOptions = {},
  ) {
    this.cacheable =
      options.prefixCache !== false &&
      batchIndependent(model) &&
      model.inputNames.includes('past_key_values.0.key');
  }

  get cacheStats() {
    return this.cache?.stats ?? null;
  }

  /** Empties the prefix cache (the benchmark starts each side cold after its warm-up). */
  clearCache(): void {
    this.cache?.clear();
  }

  async score(input: ValueInput): Promise<number[]> {
    if (input.traces.length === 0) return [];
    const rows = input.traces.map((steps) =>
      encodePlain(this.model.tokenizer, contextText(this.model.tokenizer, this.model.name, input, steps)),
    );
    const values = await (this.cacheable ? this.scoreCached(rows) : this.scoreWhole(rows));
    // What of each row was there before its last step: fed again, that is prefill.
    input.traces.forEach((steps, b) => {
      if (steps.length === 0) return void (this.prefillTokens += this.fedOf[b] ?? 0);
      const before = encodePlain(
        this.model.tokenizer,
        contextText(this.model.tokenizer, this.model.name, input, steps.slice(0, -1)),
      ).length;
      const fresh = (rows[b]?.length ?? 0) - before;
      this.prefillTokens += Math.max(0, (this.fedOf[b] ?? 0) - fresh);
    });
    return values;
  }

  /** Tokens fed per row in the last call. */
  private fedOf: number[] = [];

  private async scoreWhole(rows: number[][]): Promise<number[]> {
    const batch = leftPad(rows, this.model.config.pad_token_id ?? 0);
    const out = await this.model.forward({
      input_ids: batch.inputIds,
      attention_mask: batch.attentionMask,
      position_ids: batch.positionIds,
    });
    this.forwardCalls++;
    this.tokensFed += rows.reduce((a, r) => a + r.length, 0);
    this.fedOf = rows.map((r) => r.length);
    const values = this.lastValues(out, rows.length);
    for (const t of Object.values(out)) t.dispose();
    return values;
  }

  /**
   * Each row is [left padding | cached past | padding | new tokens]: the past and the new tokens
   * are each left-padded to the batch's longest, the padding masked out, positions given.
   */
  private async scoreCached(rows: number[][]): Promise<number[]> {
    const matches: (PrefixMatch | undefined)[] = rows.map((ids) => this.cache?.match(ids, ids.length - 1));
    try {
      const cached = matches.map((m) => m?.length ?? 0);
      const fresh = rows.map((ids, b) => ids.slice(cached[b]));
      const width = Math.max(...fresh.map((f) => f.length));
      const pastWidth = Math.max(...cached);
      const padId = this.model.config.pad_token_id ?? 0;
      const ids: number[] = [];
      const mask: number[] = [];
      const positions: number[] = [];
      fresh.forEach((f, b) => {
        const m = cached[b] ?? 0;
        mask.push(...new Array<number>(pastWidth - m).fill(0), ...new Array<number>(m).fill(1));
        const pad = width - f.length;
        ids.push(...new Array<number>(pad).fill(padId), ...f);
        mask.push(...new Array<number>(pad).fill(0), ...f.map(() => 1));
        positions.push(...new Array<number>(pad).fill(0), ...f.map((_, j) => m + j));
      });
      const past =
        this.cache && pastWidth > 0
          ? buildPast(
              this.cache.layout,
              matches.map((m) => m?.runs ?? []),
            ).past
          : undefined;
      const n = rows.length;
      const out = await this.model.forward({
        input_ids: int64Tensor(ids, [n, width]),
        attention_mask: int64Tensor(mask, [n, pastWidth + width]),
        position_ids: int64Tensor(positions, [n, width]),
        ...(past ? { past_key_values: past } : {}),
      });
      for (const t of Object.values(past ?? {})) t.dispose();
      this.forwardCalls++;
      this.tokensFed += fresh.reduce((a, f) => a + f.length, 0);
      this.fedOf = fresh.map((f) => f.length);
      const values = this.lastValues(out, n);
      const block = await readPresent(out, layerCount(this.model));
      for (const t of Object.values(out)) t.dispose();
      const cache = (this.cache ??= new PrefixCache(
        block.layout,
        this.options.cacheBytes ?? DEFAULT_CACHE_BYTES,
      ));
      rows.forEach((row, b) => {
        const m = cached[b] ?? 0;
        const newStart = pastWidth + width - (fresh[b]?.length ?? 0);
        cache.insert(row, (from, to) => this.runOf(block, b, from, to, m, pastWidth - m, newStart));
      });
      return values;
    } finally {
      for (const m of matches) m?.release();
    }
  }

  /** Positions [from, to) of row b's trace in the block: its past part, its new part, or both. */
  private runOf(
    block: PresentBlock,
    b: number,
    from: number,
    to: number,
    m: number,
    pastStart: number,
    newStart: number,
  ) {
    const newPart = (f: number, t: number) => sliceRow(block, b, newStart + f - m, newStart + t - m);
    if (from >= m) return newPart(from, to);
    const old = sliceRow(block, b, pastStart + from, pastStart + Math.min(to, m));
    return to <= m ? old : concatRuns(block.layout, old, newPart(m, to));
  }

  /** The value at each row's last position (a graph gives one logit per row, or one per position). */
  private lastValues(out: Record<string, { dims: readonly number[]; data: unknown }>, n: number): number[] {
    const logits = out.logits;
    if (!logits) throw new Error(`value model ${this.model.name} returned no "logits" output`);
    const data = floatData(logits);
    const seq = logits.dims.length >= 2 ? (logits.dims[1] ?? 1) : 1;
    return Array.from({ length: n }, (_, b) => 1 / (1 + Math.exp(-(data[b * seq + seq - 1] ?? 0))));
  }
}
