import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyInput, StepSample } from '../core/models';
import { countdownTask, formatPrompt, verifyTrace, type CountdownProblem } from '../core/tasks/countdown';
import { COUNTDOWN_POLICY } from './model-files';
import { DEFAULT_MODELS_DIR, EMBEDDED_MODEL_THREADS } from './node-models';
import { TransformersPolicy } from './policy';
import { loadCausalLm, type LoadedModel } from './transformers-models';

// The real shipped policy (fp32, where the prefix cache runs), in Node: no fakes here.
let model: LoadedModel;
beforeAll(async () => {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = `${DEFAULT_MODELS_DIR}/`;
  model = await loadCausalLm(COUNTDOWN_POLICY, {
    dtype: 'fp32',
    device: 'cpu',
    threads: EMBEDDED_MODEL_THREADS,
  });
});
afterAll(async () => {
  await model?.dispose();
});

// Puzzles outside both held-out benchmark files.
const problem: CountdownProblem = { numbers: [2, 3, 5, 12], target: 24 };
const traces = [[], ['12/2=6 (left: 3 5 6)'], ['5-3=2 (left: 2 2 12)', '12*2=24 (left: 2 24)']];

function input(temperature: number, seed: number): PolicyInput {
  return {
    prompt: formatPrompt(problem),
    stepSeparator: '\n',
    requests: traces.map((steps) => ({
      steps,
      k: 8,
      nextSteps: countdownTask.nextSteps?.(problem, steps) ?? [],
    })),
    temperature,
    seed,
    maxStepTokens: 40,
  };
}

const shape = (samples: StepSample[][]) => samples.map((r) => r.map((s) => `${s.text}|${s.tokens}|${s.end}`));

describe('drafts from the rules (cache on, real policy)', () => {
  it('draw exactly the samples of token-by-token decoding, in fewer forward passes', async () => {
    // A batch takes as many passes as its longest row, and a sample that leaves the rules (at 1.3
    // the policy sometimes writes one) decodes token by token: such a batch saves nothing.
    let saved = 0;
    for (const [temperature, seed] of [
      [1.3, 1],
      [1, 7],
      [0, 3],
    ] as const) {
      const plain = new TransformersPolicy(model, { drafts: false });
      const drafted = new TransformersPolicy(model);
      const a = await plain.sample(input(temperature, seed));
      const b = await drafted.sample(input(temperature, seed));
      expect(shape(b)).toEqual(shape(a));
      b.flat().forEach((s, i) => expect(s.logProb).toBeCloseTo(a.flat()[i]?.logProb ?? Number.NaN, 4));
      expect(drafted.generatedTokens).toBe(plain.generatedTokens);
      const wayward = b.some((row, r) =>
        row.some((s) => !verifyTrace(problem, [...(traces[r] ?? []), s.text]).ok),
      );
      if (wayward) {
        expect(drafted.forwardCalls).toBeLessThanOrEqual(plain.forwardCalls);
      } else {
        expect(drafted.forwardCalls).toBeLessThan(0.75 * plain.forwardCalls);
        saved++;
      }
    }
    expect(saved).toBeGreaterThanOrEqual(2);
  });

  it('leave a request without allowed steps to plain decoding', async () => {
    const bare = { ...input(1, 5), requests: input(1, 5).requests.map(({ steps, k }) => ({ steps, k })) };
    const plain = new TransformersPolicy(model, { drafts: false });
    const drafted = new TransformersPolicy(model);
    expect(shape(await drafted.sample(bare))).toEqual(shape(await plain.sample(bare)));
    expect(drafted.forwardCalls).toBe(plain.forwardCalls);
  });
});
