import type { StepScore } from '../core/models';
import { leftPad } from './batch';
import { logSoftmax } from './sampling';
import { floatData } from './tensor-data';
import { encodePlain, type LoadedModel } from './transformers-models';

/**
 * Scoring text the model did not generate, from one full forward pass without a cache: a step
 * written by hand, a cross-check of the cached decoding, and the vLLM test double's `echo`.
 */

/** The model's logits over one unpadded row of ids, as floats (call `dispose` when done). */
async function rowLogits(model: LoadedModel, ids: readonly number[]) {
  const batch = leftPad([[...ids]], model.config.pad_token_id ?? 0);
  const out = await model.forward({
    input_ids: batch.inputIds,
    attention_mask: batch.attentionMask,
    position_ids: batch.positionIds,
  });
  const logits = out.logits;
  if (!logits) throw new Error(`policy model ${model.name} returned no "logits" output`);
  return {
    data: floatData(logits),
    vocab: logits.dims[2] ?? 1,
    dispose: () => {
      for (const t of Object.values(out)) t.dispose();
    },
  };
}

/** The summed log-probability (temperature 1) of `continuation`'s tokens after `context`'s. */
export async function continuationLogProb(
  model: LoadedModel,
  context: string,
  continuation: string,
): Promise<StepScore> {
  const head = encodePlain(model.tokenizer, context);
  const tail = encodePlain(model.tokenizer, continuation);
  const { data, vocab, dispose } = await rowLogits(model, [...head, ...tail]);
  let total = 0;
  tail.forEach((tok, j) => {
    total += logSoftmax(data, (head.length + j - 1) * vocab, vocab)[tok] ?? 0;
  });
  dispose();
  return { logProb: total, tokens: tail.length };
}

/** Each token of `text` (decoded alone) with its log-probability after the ones before (null first). */
export async function promptLogProbs(
  model: LoadedModel,
  text: string,
): Promise<{ tokens: string[]; logProbs: (number | null)[] }> {
  const ids = encodePlain(model.tokenizer, text);
  const { data, vocab, dispose } = await rowLogits(model, ids);
  const logProbs = ids.map((tok, j) =>
    j === 0 ? null : (logSoftmax(data, (j - 1) * vocab, vocab)[tok] ?? 0),
  );
  dispose();
  const tokens = ids.map((id) => model.tokenizer.decode([id], { skip_special_tokens: false }));
  return { tokens, logProbs };
}
