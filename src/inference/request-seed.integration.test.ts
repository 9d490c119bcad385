import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyInput, PolicyRequest, StepSample } from '../core/models';
import { countdownTask } from '../core/tasks/countdown';
import { loadCountdownModels, type NodeModels } from './node-models';
import { CompletionsClient } from './openai/completions-client';
import { VllmDouble } from './openai/testing/vllm-double';

/**
 * A request with a seed of its own (a server's per-request seed) samples the same whether it is
 * alone or batched with others, on the embedded Countdown policy in fp32, with the prefix cache
 * and without it: what lets a server (the vLLM test double) batch concurrent requests and still
 * give the same tree for the same seed.
 */
const problem = { numbers: [4, 5, 6, 10], target: 24 };
const base: Omit<PolicyInput, 'requests'> = {
  prompt: countdownTask.prompt(problem),
  temperature: 1,
  seed: 1,
  maxStepTokens: 40,
};
const A: PolicyRequest = { steps: [], k: 4, seed: 11 };
const B: PolicyRequest = { steps: ['10-4=6 (left: 5 6 6)'], k: 3, seed: 12 };
const C: PolicyRequest = { steps: ['4+5=9 (left: 6 9 10)'], k: 5, seed: 13 };

/** The same samples: text, tokens and end exactly, log-probabilities within 1e-4. */
function expectSame(
  got: readonly (readonly StepSample[] | undefined)[],
  want: readonly (readonly StepSample[] | undefined)[],
) {
  const words = (x: typeof got) => x.map((r) => r?.map(({ text, tokens, end }) => ({ text, tokens, end })));
  expect(words(got)).toEqual(words(want));
  got.forEach((r, i) => r?.forEach((s, j) => expect(s.logProb).toBeCloseTo(want[i]?.[j]?.logProb ?? 0, 4)));
}

describe.each([true, false])('own seeds, prefix cache %s', (prefixCache) => {
  let models: NodeModels;
  beforeAll(async () => {
    models = await loadCountdownModels('fp32', undefined, { prefixCache });
  });
  afterAll(async () => {
    await models?.dispose();
  });

  it('each request samples the same alone, batched, and in another order', async () => {
    const alone = await Promise.all(
      [A, B, C].map(async (r) => (await models.policy.sample({ ...base, requests: [r] }))[0]),
    );
    const batched = await models.policy.sample({ ...base, requests: [A, B, C] });
    const reordered = await models.policy.sample({ ...base, seed: 99, requests: [C, A, B] });
    // The same steps; the log-probabilities agree to float precision (a batch pads its rows).
    expectSame(batched, alone);
    expectSame(reordered, [alone[2], alone[0], alone[1]]);
    // Without their own seeds the requests share the call's stream, as before: the batch matters.
    const shared = await models.policy.sample({
      ...base,
      requests: [A, B, C].map((r) => ({ steps: r.steps, k: r.k })),
    });
    const words = (x: typeof alone) => x.map((r) => r?.map((s) => s.text));
    expect(words(shared)).not.toEqual(words(alone));
  });
});

describe('the vLLM TEST DOUBLE batching concurrent completions', () => {
  let models: NodeModels;
  beforeAll(async () => {
    models = await loadCountdownModels('fp32');
  });
  afterAll(async () => {
    await models?.dispose();
  });

  it('answers each request as it would alone, with several in one model call', async () => {
    const prompts = [
      base.prompt,
      `${base.prompt}10-4=6 (left: 5 6 6)\n`,
      `${base.prompt}4+5=9 (left: 6 9 10)\n`,
      `${base.prompt}10-6=4 (left: 4 4 5)\n`,
    ];
    const ask = async (double: VllmDouble) => {
      const client = new CompletionsClient({ base: await double.start(), model: 'countdown-policy' });
      double.latencyMs = 0;
      const replies = await Promise.all(
        prompts.map((prompt, i) =>
          client.complete({
            prompt,
            n: 3,
            max_tokens: 40,
            temperature: 1,
            seed: 20 + i,
            stop: ['\n'],
            logprobs: 1,
          }),
        ),
      );
      await double.close();
      return replies.map((r) => r.choices.map((c) => c.text));
    };
    const batching = new VllmDouble({ model: 'countdown-policy', policy: models.policy, batch: true });
    const batched = await ask(batching);
    const alone = await ask(new VllmDouble({ model: 'countdown-policy', policy: models.policy }));
    expect(batched).toEqual(alone);
    expect(batching.batcher?.largest).toBeGreaterThan(1);
  });
});
