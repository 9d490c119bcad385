import { floatData } from './tensor-data';
import { int64Tensor } from './batch';
import { buildPast, readPresent, sliceRow, type KvLayout, type KvRun, type PresentBlock } from './kv';
import { PrefixCache } from './prefix-cache';
import { layerCount, type LoadedModel } from './transformers-models';

/**
 * The prefix-cache side of the policy: a context's forward pass starts from the keys/values the
 * cache holds for its longest cached prefix, and what the pass and the decoding computed goes
 * back in, so a child's expansion feeds little more than nothing new. Lives beside the model
 * (in the worker in the browser, in-process in Node).
 */
export const DEFAULT_CACHE_BYTES = 96 * 1024 * 1024;

export interface Prefilled {
  /** log-space logits of the context's last position: [vocab]. */
  readonly logits: Float32Array;
  /** The context's keys/values, whole. */
  readonly run: KvRun;
  /** Tokens fed through the model (the part of the context not cached). */
  readonly fed: number;
}

export class PolicyCache {
  private cache: PrefixCache | null = null;

  constructor(
    private readonly model: LoadedModel,
    private readonly budgetBytes = DEFAULT_CACHE_BYTES,
  ) {}

  get stats() {
    return this.cache?.stats ?? null;
  }

  get layout(): KvLayout | null {
    return this.cache?.layout ?? null;
  }

  clear(): void {
    this.cache?.clear();
  }

  /** Runs `ids` from its longest cached prefix (at least its last token is fed, for the logits). */
  async prefill(ids: readonly number[]): Promise<Prefilled> {
    const layers = layerCount(this.model);
    const match = this.cache?.match(ids, ids.length - 1);
    try {
      const cached = match?.length ?? 0;
      const fresh = ids.slice(cached);
      const past =
        match && this.cache && cached > 0 ? buildPast(this.cache.layout, [match.runs]).past : undefined;
      const out = await this.model.forward({
        input_ids: int64Tensor(fresh, [1, fresh.length]),
        attention_mask: int64Tensor(new Array<number>(ids.length).fill(1), [1, ids.length]),
        position_ids: int64Tensor(
          fresh.map((_, j) => cached + j),
          [1, fresh.length],
        ),
        ...(past ? { past_key_values: past } : {}),
      });
      for (const t of Object.values(past ?? {})) t.dispose();
      const block = await readPresent(out, layers);
      const logitsTensor = out.logits;
      if (!logitsTensor) throw new Error(`policy model ${this.model.name} returned no "logits" output`);
      const [, seq = 1, vocab = 1] = logitsTensor.dims;
      const logits = floatData(logitsTensor).slice((seq - 1) * vocab, seq * vocab);
      for (const t of Object.values(out)) t.dispose();
      const cache = (this.cache ??= new PrefixCache(block.layout, this.budgetBytes));
      cache.insert(ids, (from, to) => sliceRow(block, 0, from, to));
      return { logits, run: sliceRow(block, 0, 0, ids.length), fed: fresh.length };
    } finally {
      match?.release();
    }
  }

  /**
   * Stores decoded rows: each one's context plus the generated tokens that went through the
   * model, read from `block` (a decoding step's present) at row `row`, after `pad` positions.
   */
  store(
    block: PresentBlock,
    rows: readonly { readonly ids: readonly number[]; readonly pad: number; readonly row: number }[],
  ): void {
    const cache = this.cache;
    if (!cache) return;
    for (const r of rows) {
      if (r.ids.length > 0)
        cache.insert(r.ids, (from, to) => sliceRow(block, r.row, r.pad + from, r.pad + to));
    }
  }
}
