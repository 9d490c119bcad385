import { resolve } from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mathTask } from '../core/tasks/math';
import { TransformersPolicy } from './policy';
import { loadCausalLm, type LoadedModel } from './transformers-models';

/**
 * Scoring a given step (a step written by hand) on the catalogue's architectures as fixtures
 * (training/make_fixture_hub_archs.py), fp32 on onnxruntime-node: the text the policy scores must
 * be the text it samples from, chat template and blank-line separator included, so a sampled
 * step scores exactly as it was sampled.
 */
const FIXTURES = resolve(import.meta.dirname, '../../e2e/fixtures/hub/rlm-playground');
const SEP = '\n\n';
const QUESTION = 'Sara has 12 apples. She buys 7 more. How many apples does she have now?';

describe.each(['tiny-qwen2-chat', 'tiny-llama-chat', 'tiny-qwen3-chat'])('%s, fp32', (name) => {
  let model: LoadedModel;
  beforeAll(async () => {
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = `${FIXTURES}/`;
    model = await loadCausalLm(name, { dtype: 'fp32', device: 'cpu' });
  });
  afterAll(async () => {
    await model?.dispose();
  });

  it('scores a step written by hand in the chat template as it scored the same step sampled', async () => {
    const policy = new TransformersPolicy(model, { prefixCache: false });
    const base = {
      prompt: mathTask.prompt({ question: QUESTION, answer: 19 }),
      format: 'chat' as const,
      stepSeparator: SEP,
    };
    const [drawn = []] = await policy.sample({
      ...base,
      requests: [{ steps: [], k: 3 }],
      temperature: 1,
      seed: 4,
      maxStepTokens: 60,
    });
    const ended = drawn.filter((d) => d.end === 'newline');
    expect(ended.length).toBeGreaterThan(0);
    const scores = await policy.scoreSteps({
      ...base,
      items: ended.map((d) => ({ steps: [], step: d.text })),
    });
    scores.forEach((score, i) => {
      expect(score.logProb).toBeCloseTo(ended[i]?.logProb ?? 0, 3);
      expect(score.tokens).toBe(ended[i]?.tokens);
    });
    // A second step is scored after the first, in the same context the policy samples it from.
    const first = ended[0]?.text ?? '';
    const [[next] = []] = await policy.sample({
      ...base,
      requests: [{ steps: [first], k: 1 }],
      temperature: 1,
      seed: 5,
      maxStepTokens: 60,
    });
    const [again] = await policy.scoreSteps({ ...base, items: [{ steps: [first], step: next?.text ?? '' }] });
    expect(next?.end).toBe('newline');
    expect(again?.logProb).toBeCloseTo(next?.logProb ?? 0, 3);
  });
});
