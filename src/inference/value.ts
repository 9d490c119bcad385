import type { Value, ValueInput } from '../core/models';
import { leftPad } from './batch';
import { contextText } from './trace-text';
import { encodePlain, type LoadedModel } from './transformers-models';

/**
 * The value model: one batched forward pass over all partial traces; its single logit per row
 * is read through a sigmoid as P(the target is still reachable).
 */
export class TransformersValue implements Value {
  forwardCalls = 0;
  tokensFed = 0;

  constructor(private readonly model: LoadedModel) {}

  async score(input: ValueInput): Promise<number[]> {
    if (input.traces.length === 0) return [];
    const rows = input.traces.map((steps) =>
      encodePlain(this.model.tokenizer, contextText(this.model.tokenizer, this.model.name, input, steps)),
    );
    const batch = leftPad(rows, this.model.config.pad_token_id ?? 0);
    const out = await this.model.forward({ input_ids: batch.inputIds, attention_mask: batch.attentionMask });
    this.forwardCalls++;
    this.tokensFed += rows.reduce((a, r) => a + r.length, 0);
    const logits = out.logits;
    if (!logits) throw new Error(`value model ${this.model.name} returned no "logits" output`);
    const data = logits.data as Float32Array;
    const values = rows.map((_, i) => 1 / (1 + Math.exp(-(data[i] ?? 0))));
    logits.dispose();
    return values;
  }
}
