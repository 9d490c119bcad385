import { floatData } from './tensor-data';
import type { Value, ValueInput } from '../core/models';
import { leftPad } from './batch';
import { selfEvalMessage } from './self-eval-message';
import { InferenceError } from './errors';
import { logSoftmax } from './sampling';
import { chatPrompt } from './trace-text';
import { encodePlain, type LoadedModel } from './transformers-models';

/**
 * Self-evaluation, a value without a trained value model: the policy model is asked whether the
 * steps so far are correct, and the value is the probability it gives to "Yes" against "No" as its
 * next token, from one batched forward pass over all the traces.
 */
export class SelfEvalValue implements Value {
  forwardCalls = 0;
  private readonly yesId: number;
  private readonly noId: number;

  constructor(private readonly model: LoadedModel) {
    const [yes] = encodePlain(model.tokenizer, 'Yes');
    const [no] = encodePlain(model.tokenizer, 'No');
    if (yes === undefined || no === undefined || yes === no) {
      throw new InferenceError('bad-request', `${model.name} cannot tell "Yes" from "No" in its vocabulary`);
    }
    this.yesId = yes;
    this.noId = no;
  }

  async score(input: ValueInput): Promise<number[]> {
    if (input.traces.length === 0) return [];
    const separator = input.stepSeparator ?? '\n';
    const rows = input.traces.map((steps) =>
      encodePlain(
        this.model.tokenizer,
        chatPrompt(this.model.tokenizer, this.model.name, selfEvalMessage(input.prompt, steps, separator)),
      ),
    );
    const batch = leftPad(rows, this.model.config.pad_token_id ?? 0);
    const out = await this.model.forward({
      input_ids: batch.inputIds,
      attention_mask: batch.attentionMask,
      position_ids: batch.positionIds,
    });
    this.forwardCalls++;
    const logits = out.logits;
    if (!logits)
      throw new InferenceError('inference-failed', `${this.model.name} returned no "logits" output`);
    const [, seq = 1, vocab = 1] = logits.dims;
    const data = floatData(logits);
    const values = rows.map((_, b) => {
      const lp = logSoftmax(data, (b * seq + seq - 1) * vocab, vocab);
      const yes = Math.exp(lp[this.yesId] ?? Number.NEGATIVE_INFINITY);
      const no = Math.exp(lp[this.noId] ?? Number.NEGATIVE_INFINITY);
      return yes + no > 0 ? yes / (yes + no) : 0.5;
    });
    for (const t of Object.values(out)) t.dispose();
    return values;
  }
}
