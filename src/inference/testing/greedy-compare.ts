import type { MathProblem } from '../../core/tasks/math';
import { mathTask } from '../../core/tasks/math';
import { leftPad } from '../batch';
import { argmax } from '../sampling';
import { selfEvalMessage } from '../self-eval-message';
import { floatData } from '../tensor-data';
import { chatPrompt, contextText } from '../trace-text';
import type { LoadedModel } from '../transformers-models';

/**
 * For tests that compare a model's dtypes on the same contexts (hub-archs.integration.test.ts):
 * the greedy token at every position of one full forward pass, and the prompts compared.
 */

/** One full forward pass (no cache) over `ids`; the argmax at each position from `from` on. */
export async function argmaxes(model: LoadedModel, ids: readonly number[], from: number): Promise<number[]> {
  const batch = leftPad([ids], model.config.pad_token_id ?? 0);
  const out = await model.forward({
    input_ids: batch.inputIds,
    attention_mask: batch.attentionMask,
    position_ids: batch.positionIds,
  });
  const logits = out.logits;
  if (!logits) throw new Error(`${model.name} returned no logits`);
  // float16 logits (q4f16) come back as raw 16-bit words in Node: floatData decodes them.
  const data = floatData(logits);
  const vocab = logits.dims[2] ?? 1;
  const best: number[] = [];
  for (let p = from; p < ids.length; p++) best.push(argmax(data, p * vocab, vocab));
  for (const t of Object.values(out)) t.dispose();
  return best;
}

/** The math prompt of two problems (the second after one step) and a self-evaluation, in the chat template. */
export function comparePrompts(
  model: LoadedModel,
  problems: readonly [MathProblem, MathProblem],
  separator: string,
): string[] {
  const [first, second] = problems;
  const input = { prompt: mathTask.prompt(first), format: 'chat' as const, stepSeparator: separator };
  return [
    contextText(model.tokenizer, model.name, input, []),
    contextText(model.tokenizer, model.name, { ...input, prompt: mathTask.prompt(second) }, [
      'First, Tom has 4 boxes with 6 pencils each.',
    ]),
    chatPrompt(
      model.tokenizer,
      model.name,
      selfEvalMessage(mathTask.prompt(first), ['First, Sara has 12 apples.'], separator),
    ),
  ];
}
