import { resolve } from 'node:path';
import { env, Tensor } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceCheck, greedyTokens } from './device-check';
import { halfToFloat } from './tensor-data';
import { loadCausalLm, type LoadedModel } from './transformers-models';

/**
 * The device check's comparison on the project's real fixture chat model (e2e/fixtures/hub), and
 * on FAKE models whose greedy tokens are scripted (for the disagreement a real pair cannot be
 * made to show on demand).
 */
const FIXTURES = resolve(import.meta.dirname, '../../e2e/fixtures/hub/rlm-playground');
let fp32: LoadedModel;
let again: LoadedModel;

beforeAll(async () => {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = `${FIXTURES}/`;
  [fp32, again] = await Promise.all([
    loadCausalLm('tiny-math-chat', { dtype: 'fp32', device: 'cpu' }),
    loadCausalLm('tiny-math-chat', { dtype: 'fp32', device: 'cpu' }),
  ]);
});
afterAll(async () => {
  await Promise.all([fp32?.dispose(), again?.dispose()]);
});

/** A FAKE model: each forward pass puts the top logit on the next scripted token. */
function scripted(tokens: readonly number[], base: LoadedModel): LoadedModel {
  let call = 0;
  return {
    ...base,
    forward: async (inputs) => {
      const seq = (inputs.input_ids as Tensor).dims[1] ?? 1;
      const vocab = 8;
      const data = new Float32Array(seq * vocab);
      data[(seq - 1) * vocab + (tokens[call++] ?? 0)] = 5;
      return { logits: new Tensor('float32', data, [1, seq, vocab]) };
    },
  };
}

describe('the device check', () => {
  it('the same weights on the same device agree on every greedy token', async () => {
    const tokens = await greedyTokens(fp32, 'Problem: Tom has 3 pens.\n\n', 4);
    expect(tokens).toHaveLength(4);
    expect(await deviceCheck(fp32, again)).toEqual({ agree: 4, total: 4, ok: true });
  });

  it('counts the agreeing tokens up to the first that differs, and fails the check', async () => {
    const verdict = await deviceCheck(scripted([1, 2, 3, 4], fp32), scripted([1, 2, 7, 4], fp32));
    expect(verdict).toEqual({ agree: 2, total: 4, ok: false });
  });

  it('reads float16 logits (q4f16 graphs) as numbers', () => {
    expect([...halfToFloat(new Uint16Array([0x3c00, 0xc000, 0x3555, 0x0000]))]).toEqual([
      1,
      -2,
      expect.closeTo(0.3333, 3),
      0,
    ]);
  });
});
