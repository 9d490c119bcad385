import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBatch, tokenRow } from './batches';
import type { PathExample } from './examples';
import { toVariables } from './gpt-tf';
import { policyLoss, valueLoss } from './losses';
import { tinyParams, TINY_SHAPE } from './testing/tiny-gpt';
import { initNodeTf } from './tf-node';
import { trainModel } from './trainer';

const examples: PathExample[] = [
  {
    prompt: '4 5 6 10 -> 24\n',
    steps: ['10-4=6 (left: 5 6 6)', '6*5=30 (left: 6 30)'],
    policy: [0.75, 1],
    outcome: [1, 1, 0],
    q: [0.6, 0.7, 0.2],
  },
  {
    prompt: '4 5 6 10 -> 24\n',
    steps: ['10-5=5 (left: 4 5 6)'],
    policy: [0.25],
    outcome: [null, 0],
    q: [null, 0.3],
  },
];

const rows = examples.map((e) => tokenRow(e, 'process'));

// Loading tfjs-core's ~200 gradient modules takes seconds on a busy machine.
beforeAll(async () => {
  await initNodeTf();
}, 120_000);

/**
 * Central differences on single weights in float32: a step of 1e-2 keeps rounding error (about
 * 1e-7 / 1e-2) well under the tolerance while the curvature term stays small for these weights.
 */
function checkGradients(kind: 'policy' | 'value', seed: number) {
  const params = tinyParams(kind, seed);
  const vars = toVariables(params);
  const batch = makeBatch(rows);
  const lossFn = kind === 'policy' ? policyLoss : valueLoss;
  const loss = () => lossFn(vars, TINY_SHAPE, batch);
  const { grads } = tf.variableGrads(loss);
  const names = Object.keys(vars);
  let checked = 0;
  for (const name of names) {
    const v = vars[name]!;
    const g = grads[v.name]!.dataSync();
    const base = v.dataSync().slice();
    // Three weights of every tensor: the first, the middle and the last.
    for (const i of [0, Math.floor(base.length / 2), base.length - 1]) {
      const eps = 1e-2;
      const at = (delta: number) => {
        const w = base.slice();
        w[i] = base[i]! + delta;
        v.assign(tf.tensor(w, v.shape));
        return loss().dataSync()[0]!;
      };
      const numeric = (at(eps) - at(-eps)) / (2 * eps);
      v.assign(tf.tensor(base, v.shape));
      expect(Math.abs(g[i]! - numeric), `${name}[${i}]: analytic ${g[i]} vs numeric ${numeric}`).toBeLessThan(
        2e-3 + 3e-2 * Math.abs(numeric),
      );
      checked++;
    }
  }
  Object.values(vars).forEach((v) => v.dispose());
  return checked;
}

describe('training code', () => {
  it('policy gradients match finite differences on a tiny model (every tensor, incl. the matmul gradient)', () => {
    expect(checkGradients('policy', 3)).toBeGreaterThan(40);
  });

  it('value gradients match finite differences on a tiny model', () => {
    expect(checkGradients('value', 4)).toBeGreaterThan(40);
  });

  it('the same seed gives the same weights; another seed other weights; training lowers the loss', async () => {
    const options = { epochs: 3, learningRate: 1e-2, batchTokens: 40, seed: 7 };
    const run = (seed: number) => trainModel(tinyParams('value', 1), rows, rows, { ...options, seed });
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    const flat = (r: Awaited<ReturnType<typeof run>>) =>
      Object.values(r.params.tensors).flatMap((t) => Array.from(t.data));
    expect(flat(a)).toEqual(flat(b));
    expect(flat(a)).not.toEqual(flat(c));
    const held = a.curve.filter((p) => p.heldOut !== undefined).map((p) => p.heldOut!);
    expect(held.length).toBe(4);
    expect(held[held.length - 1]!).toBeLessThan(held[0]!);
  });
});
