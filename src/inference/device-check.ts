import { leftPad } from './batch';
import { InferenceError } from './errors';
import { argmax } from './sampling';
import { floatData } from './tensor-data';
import { encodePlain, type LoadedModel } from './transformers-models';

/**
 * The device check: transformers.js has open reports of quantized decoders giving wrong output on
 * WebGPU while right on WASM (huggingface/transformers.js#1317, #1728). After a hub model loads on
 * WebGPU, a few greedy tokens of a fixed prompt are computed there and on WASM (the reference) and
 * compared; the worker falls back to WASM when they differ, and says so.
 */
export const CHECK_PROMPT = 'Problem: Mia has 12 apples. She gives 5 to her brother and buys 8 more.\n\n';
export const CHECK_TOKENS = 4;

export interface DeviceCheckResult {
  /** Greedy tokens that agree with the reference, from the first. */
  readonly agree: number;
  readonly total: number;
  readonly ok: boolean;
}

/** `n` greedy tokens after `prompt`, each from a full forward pass (no cache: nothing shared). */
export async function greedyTokens(model: LoadedModel, prompt: string, n: number): Promise<number[]> {
  const ids = encodePlain(model.tokenizer, prompt);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const batch = leftPad([[...ids, ...out]], model.config.pad_token_id ?? 0);
    const result = await model.forward({
      input_ids: batch.inputIds,
      attention_mask: batch.attentionMask,
      position_ids: batch.positionIds,
    });
    const logits = result.logits;
    if (!logits) throw new InferenceError('inference-failed', `${model.name} returned no "logits" output`);
    const [, seq = 1, vocab = 1] = logits.dims;
    // q4f16 graphs may give float16 logits, held as raw 16-bit words: floatData decodes them.
    const data = floatData(logits);
    const best = argmax(data, (seq - 1) * vocab, vocab);
    for (const t of Object.values(result)) t.dispose();
    out.push(best);
  }
  return out;
}

/** Compares the candidate's greedy tokens with the reference's. */
export async function deviceCheck(
  candidate: LoadedModel,
  reference: LoadedModel,
  prompt = CHECK_PROMPT,
  n = CHECK_TOKENS,
): Promise<DeviceCheckResult> {
  const [mine, theirs] = [await greedyTokens(candidate, prompt, n), await greedyTokens(reference, prompt, n)];
  let agree = 0;
  while (agree < n && mine[agree] === theirs[agree]) agree++;
  return { agree, total: n, ok: agree === n };
}

/** The reference's weights: WASM has no fp16 kernels to speak of, so q4f16 is checked against q4. */
export function referenceDtype(dtype: LoadedModel['dtype']): LoadedModel['dtype'] {
  return dtype === 'q4f16' ? 'q4' : dtype;
}
