import { floatData } from './tensor-data';
import type { Tensor } from '@huggingface/transformers';
import type { Policy, PolicyInput, ScoreStepsInput, StepSample, StepScore } from '../core/models';
import { Rng } from '../core/rng';
import { int64Tensor, leftPad } from './batch';
import { decodeShared, type DecodeRequest } from './shared-decode';
import { PolicyCache } from './policy-cache';
import { CancelledError } from './errors';
import { continuationLogProb, promptLogProbs } from './given-text';
import { chooseToken, logSoftmax } from './sampling';
import { draftTrie, StepEncoder } from './step-drafts';
import { contextText, traceText } from './trace-text';
import { batchIndependent, encodePlain, type ForwardInputs, type LoadedModel } from './transformers-models';

export interface PolicyOptions {
  /** Reuse the keys/values of contexts seen before (default on; always off for 8-bit graphs). */
  readonly prefixCache?: boolean;
  /** The cache's budget in bytes (least-recently-used entries go beyond it). */
  readonly cacheBytes?: number;
  /**
   * With the cache on: check the text the task's rules force (a request's `nextSteps`) in one
   * pass instead of token by token (default on). The samples are the same either way.
   */
  readonly drafts?: boolean;
}

/**
 * The policy over a causal LM: all requests' k samples decode together as one left-padded batch,
 * with the model's key/value cache carried from token to token. Each row stops at the task's step
 * separator (a newline, or a blank line) or at an end-of-sequence token; its log-probability (at
 * temperature 1) is the sum over the tokens it chose.
 */
export class TransformersPolicy implements Policy {
  forwardCalls = 0;
  /** Tokens fed through the model that were not newly generated (prompt and steps so far). */
  prefillTokens = 0;
  generatedTokens = 0;
  private readonly newlineId: number | undefined;
  private readonly eosIds: ReadonlySet<number>;
  private readonly banned: Set<number>;
  /** Per token id: whether its text holds the separator's last character (only then a stop is possible). */
  private readonly mayStop = new Map<string, boolean>();

  /** The prefix cache, or null when it is off (every context is fed whole, k times). */
  private readonly cache: PolicyCache | null;
  /** Token ids of allowed steps, for drafts; null when drafts are off. */
  private readonly stepEncoder: StepEncoder | null;

  constructor(
    private readonly model: LoadedModel,
    options: PolicyOptions = {},
  ) {
    this.cache =
      options.prefixCache === false || !batchIndependent(model)
        ? null
        : new PolicyCache(model, options.cacheBytes);
    this.stepEncoder =
      options.drafts === false ? null : new StepEncoder((text) => encodePlain(model.tokenizer, text));
    const newline = encodePlain(model.tokenizer, '\n');
    this.newlineId = newline.length === 1 ? newline[0] : undefined;
    const eos = model.config.eos_token_id;
    this.eosIds = new Set(eos === undefined ? [] : typeof eos === 'number' ? [eos] : eos);
    // A step is plain text ending at a newline (or end of sequence): padding, unknown and other
    // special tokens must never be generated, or the text would not be what was scored.
    this.banned = new Set(
      [...model.tokenizer.all_special_ids, model.config.pad_token_id ?? 0].filter(
        (id) => !this.eosIds.has(id),
      ),
    );
  }

  /** The prefix cache's figures (null when it is off or still empty). */
  get cacheStats() {
    return this.cache?.stats ?? null;
  }

  /** Prompt tokens the prefix cache supplied, and prompt tokens computed, since the load. */
  cacheCounters(): { hitTokens: number; prefillTokens: number } {
    return { hitTokens: this.cache?.stats?.hitTokens ?? 0, prefillTokens: this.prefillTokens };
  }

  /** Empties the prefix cache (the benchmark starts each side cold after its warm-up). */
  clearCache(): void {
    this.cache?.clear();
  }

  /** `signal` stops the decoding between two tokens (it then throws CancelledError). */
  async sample(input: PolicyInput, signal?: AbortSignal): Promise<StepSample[][]> {
    const contexts = input.requests.map((r) =>
      encodePlain(this.model.tokenizer, contextText(this.model.tokenizer, this.model.name, input, r.steps)),
    );
    const owners: number[] = [];
    input.requests.forEach((r, i) => {
      for (let j = 0; j < r.k; j++) owners.push(i);
    });
    if (owners.length === 0) return input.requests.map(() => []);
    const rows = owners.map((i) => contexts[i] ?? []);
    // Rows draw from the call's stream in row order; a request with a seed of its own draws from
    // its own, so that what it samples does not depend on what else is in the batch.
    const shared = new Rng(input.seed);
    const streams = input.requests.map((r) => (r.seed === undefined ? shared : new Rng(r.seed)));
    const rngOf = (row: number) => streams[owners[row] ?? 0] ?? shared;
    const separator = input.stepSeparator ?? '\n';
    const generated = this.cache
      ? await this.decodeCached(this.cache, contexts, input, rngOf, signal)
      : await this.decodeWhole(rows, input, rngOf, signal);
    const out: StepSample[][] = input.requests.map(() => []);
    generated.forEach((g, row) => {
      const owner = owners[row] ?? 0;
      const full = this.decodeText(g.ids);
      const cut = full.indexOf(separator);
      const text = (cut >= 0 ? full.slice(0, cut) : full).trim();
      const last = g.ids[g.ids.length - 1] ?? -1;
      const end = cut >= 0 ? 'newline' : this.eosIds.has(last) ? 'eos' : 'length';
      out[owner]?.push({ text, logProb: g.logProb, tokens: g.ids.length, end });
    });
    return out;
  }

  /** Shared decoding over the prefix cache; its figures add to the policy's. */
  private async decodeCached(
    cache: PolicyCache,
    contexts: readonly (readonly number[])[],
    input: PolicyInput,
    rngOf: (row: number) => Rng,
    signal?: AbortSignal,
  ): Promise<{ ids: number[]; logProb: number }[]> {
    const separator = input.stepSeparator ?? '\n';
    const encoder = this.stepEncoder;
    const requests = input.requests.map((r, i): DecodeRequest => ({
      context: contexts[i] ?? [],
      samples: r.k,
      // The request's allowed next steps (with their separator), as a trie for drafts.
      draft:
        encoder && r.nextSteps && r.nextSteps.length > 0
          ? draftTrie(r.nextSteps.map((step) => encoder.ids(`${step}${separator}`)))
          : null,
    }));
    const { samples, stats } = await decodeShared(requests, {
      cache,
      model: this.model,
      banned: this.banned,
      isEnd: (ids, tok) => this.eosIds.has(tok) || this.endsStep(ids, tok, separator),
      temperature: input.temperature,
      maxStepTokens: input.maxStepTokens,
      rngOf,
      signal,
    });
    this.forwardCalls += stats.forward;
    this.prefillTokens += stats.prefill;
    this.generatedTokens += stats.generated;
    return samples;
  }

  /**
   * The log-probability of `step` (and its newline) after `steps` in a plain prompt, from one full
   * forward pass without a cache: cross-checks the cached decoding.
   */
  async scoreStep(prompt: string, steps: readonly string[], step: string): Promise<number> {
    return (await continuationLogProb(this.model, traceText(prompt, steps), `${step}\n`)).logProb;
  }

  /** Steps written by hand, each after its steps, in the task's format (one pass each, no cache). */
  async scoreSteps(input: ScoreStepsInput): Promise<StepScore[]> {
    const separator = input.stepSeparator ?? '\n';
    const scores: StepScore[] = [];
    for (const item of input.items) {
      const context = contextText(this.model.tokenizer, this.model.name, input, item.steps);
      scores.push(await continuationLogProb(this.model, context, `${item.step}${separator}`));
    }
    return scores;
  }

  /** Each token of `text` with its log-probability after the ones before (the double's echo). */
  promptLogProbs(text: string) {
    return promptLogProbs(this.model, text);
  }

  /** The decoded text of generated ids (empty for none: transformers.js refuses an empty list). */
  private decodeText(ids: readonly number[]): string {
    return ids.length > 0 ? this.model.tokenizer.decode([...ids], { skip_special_tokens: true }) : '';
  }

  /**
   * Whether the row's text now holds the separator. A newline separator with a newline token is
   * one comparison; otherwise the row is decoded, but only after a token that could complete it.
   */
  private endsStep(ids: readonly number[], tok: number, separator: string): boolean {
    if (separator === '\n' && this.newlineId !== undefined) return tok === this.newlineId;
    const key = `${tok}:${separator}`;
    let may = this.mayStop.get(key);
    if (may === undefined) {
      may = this.decodeText([tok]).includes(separator.slice(-1));
      this.mayStop.set(key, may);
    }
    return may && this.decodeText(ids).includes(separator);
  }

  /** The baseline without a cache: every row's whole context goes through the model. */
  private async decodeWhole(
    rows: number[][],
    input: PolicyInput,
    rngOf: (row: number) => Rng,
    signal?: AbortSignal,
  ): Promise<{ ids: number[]; logProb: number }[]> {
    const padId = this.model.config.pad_token_id ?? 0;
    const separator = input.stepSeparator ?? '\n';
    const batch = leftPad(rows, padId);
    const n = rows.length;
    const results = rows.map(() => ({ ids: [] as number[], logProb: 0 }));
    const done = new Array<boolean>(n).fill(false);
    const mask: number[][] = rows.map((r) => [
      ...new Array<number>(batch.width - r.length).fill(0),
      ...r.map(() => 1),
    ]);
    const positions = rows.map((r) => r.length);
    let feeds: ForwardInputs = {
      input_ids: batch.inputIds,
      attention_mask: batch.attentionMask,
      position_ids: batch.positionIds,
    };
    this.prefillTokens += rows.reduce((a, r) => a + r.length, 0);
    let past: Record<string, Tensor> = {};
    for (let t = 0; t < input.maxStepTokens && done.includes(false); t++) {
      if (signal?.aborted) {
        for (const tensor of Object.values(past)) tensor.dispose();
        throw new CancelledError('generation cancelled');
      }
      const hasPast = Object.keys(past).length > 0;
      const out = await this.model.forward(hasPast ? { ...feeds, past_key_values: past } : feeds);
      this.forwardCalls++;
      const logits = out.logits;
      if (!logits) throw new Error(`policy model ${this.model.name} returned no "logits" output`);
      const [, seq = 1, vocab = 1] = logits.dims;
      const data = floatData(logits);
      const next: number[] = [];
      for (let b = 0; b < n; b++) {
        if (done[b]) {
          next.push(padId);
          continue;
        }
        const lp = logSoftmax(data, (b * seq + seq - 1) * vocab, vocab);
        const tok = chooseToken(lp, input.temperature, rngOf(b), this.banned);
        const r = results[b];
        if (r) {
          r.ids.push(tok);
          r.logProb += lp[tok] ?? 0;
        }
        this.generatedTokens++;
        if (this.eosIds.has(tok) || (r && this.endsStep(r.ids, tok, separator))) done[b] = true;
        next.push(tok);
      }
      const newPast: Record<string, Tensor> = {};
      for (const [name, tensor] of Object.entries(out)) {
        if (name.startsWith('present')) newPast[name.replace('present', 'past_key_values')] = tensor;
      }
      for (const tensor of Object.values(past)) tensor.dispose();
      logits.dispose();
      past = newPast;
      next.forEach((_, b) => mask[b]?.push(1));
      feeds = {
        input_ids: int64Tensor(next, [n, 1]),
        attention_mask: int64Tensor(mask.flat(), [n, mask[0]?.length ?? 1]),
        position_ids: int64Tensor(
          positions.map((p, b) => p + (results[b]?.ids.length ?? 1) - 1),
          [n, 1],
        ),
      };
    }
    for (const tensor of Object.values(past)) tensor.dispose();
    return results;
  }
}
