import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODELS_DIR } from '../inference/node-models';
import { readGptParams, writeGptParams, type GptParams } from './gpt-params';
import { policyLogits, toVariables, valueLogits } from './gpt-tf';
import { nodeModelHost } from './node-host';
import { initNodeTf } from './tf-node';
import { encodeChars, VOCAB } from './vocab';

/**
 * The trained weights must mean in the ONNX graph what they mean in the TensorFlow.js copy: the
 * shipped graphs' weights read, changed, written back and run by transformers.js (the app's own
 * inference path) give what the tfjs model computes on the same weights.
 */
const onnx = (name: string) =>
  new Uint8Array(readFileSync(join(DEFAULT_MODELS_DIR, name, 'onnx', 'model.onnx')));
const prompt = '4 5 6 10 -> 24\n';
const traces = [[], ['10-4=6 (left: 5 6 6)'], ['10-4=6 (left: 5 6 6)', '6*5=30 (left: 6 30)']];

/** Every weight moved a little (seeded), so that agreement cannot come from the template's bytes. */
function nudged(params: GptParams): GptParams {
  const tensors = Object.fromEntries(
    Object.entries(params.tensors).map(([name, t], k) => [
      name,
      { shape: t.shape, data: t.data.map((v, i) => v + 0.01 * Math.sin(i * 0.7 + k)) },
    ]),
  );
  return { ...params, tensors };
}

beforeAll(async () => {
  await initNodeTf();
}, 120_000);

describe('weights written back into the ONNX graphs', () => {
  it('read and written unchanged, the graphs are byte for byte the shipped ones', () => {
    for (const [kind, name] of [
      ['policy', 'countdown-policy'],
      ['value', 'countdown-value'],
    ] as const) {
      const bytes = onnx(name);
      expect(Buffer.from(writeGptParams(bytes, readGptParams(kind, bytes))).equals(Buffer.from(bytes))).toBe(
        true,
      );
    }
  });

  it('the tokenizer maps every character to the id the training code uses', () => {
    const tok = JSON.parse(
      readFileSync(join(DEFAULT_MODELS_DIR, 'countdown-policy', 'tokenizer.json'), 'utf8'),
    ) as {
      model: { vocab: Record<string, number> };
    };
    VOCAB.slice(3).forEach((c, i) => expect(tok.model.vocab[c], JSON.stringify(c)).toBe(i + 3));
  });

  it('transformers.js runs changed weights exactly as the tfjs model computes them', async () => {
    const policy = nudged(readGptParams('policy', onnx('countdown-policy')));
    const value = nudged(readGptParams('value', onnx('countdown-value')));
    const host = nodeModelHost();
    const pair = await host.load({
      policy: writeGptParams(host.shipped.policy, policy),
      value: writeGptParams(host.shipped.value, value),
    });
    try {
      const scores = await pair.value!.score({ prompt, traces });
      const pv = toVariables(policy);
      const vv = toVariables(value);
      for (const [i, steps] of traces.entries()) {
        const ids = encodeChars(prompt + steps.map((s) => `${s}\n`).join(''));
        const z = (await valueLogits(vv, value.shape, tf.tensor2d([ids], [1, ids.length], 'int32')).data())[
          ids.length - 1
        ]!;
        expect(scores[i]!).toBeCloseTo(1 / (1 + Math.exp(-z)), 4);
      }
      const step = '10-4=6 (left: 5 6 6)';
      const onnxLogProb = await pair.policy.scoreStep(prompt, [], step);
      const ids = encodeChars(`${prompt}${step}\n`);
      const logp = tf.logSoftmax(
        policyLogits(pv, policy.shape, tf.tensor2d([ids], [1, ids.length], 'int32')),
      );
      const rows = (await logp.array()) as number[][];
      let tfLogProb = 0;
      for (let p = encodeChars(prompt).length; p < ids.length; p++) tfLogProb += rows[p - 1]![ids[p]!]!;
      expect(onnxLogProb).toBeCloseTo(tfLogProb, 3);
    } finally {
      await pair.dispose();
    }
  });
});
