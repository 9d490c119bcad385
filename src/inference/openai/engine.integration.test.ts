import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SearchSession } from '../../core/session';
import { createStrategy } from '../../core/strategies/create';
import { DEFAULT_CONFIG, runToEnd, type SearchConfig } from '../../core/strategies/strategy';
import { countdownTask, type CountdownProblem } from '../../core/tasks/countdown';
import { treeInvariantViolations } from '../../core/testing/invariants';
import { loadCountdownModels, type NodeModels } from '../node-models';
import { CompletionsClient } from './completions-client';
import { EngineError } from './engine-error';
import { probeEngine } from './engine-probe';
import { OpenAiPolicy } from './openai-policy';
import { VllmDouble, type DoubleFault } from './testing/vllm-double';

/**
 * The server engine against a TEST DOUBLE of vLLM (testing/vllm-double.ts) that answers with the
 * project's own embedded Countdown policy in this process: the client, the probe, the policy in a
 * real search, the fallback for servers without `n`, the faults, and parallel MCTS's requests.
 */
const MODEL = 'countdown-policy';
const problem: CountdownProblem = { numbers: [4, 5, 6, 10], target: 24 };
const config: SearchConfig = {
  ...DEFAULT_CONFIG,
  strategy: 'mcts',
  simulations: 8,
  k: 4,
  stopOnSolved: false,
};
let models: NodeModels;
let double: VllmDouble;
let base: string;

beforeAll(async () => {
  models = await loadCountdownModels('q8');
  double = new VllmDouble({ model: MODEL, policy: models.policy });
  base = await double.start();
});
afterAll(async () => {
  await double?.close();
  await models?.dispose();
});
beforeEach(() => {
  double.setFault('none');
  double.latencyMs = 0;
  double.maxInFlight = 0;
});

async function connect(timeoutMs = 10_000) {
  const client = new CompletionsClient({ base: `${base}/v1/`, model: MODEL, timeoutMs });
  return { client, policy: new OpenAiPolicy(client, await probeEngine(client)) };
}

describe('the server engine (OpenAI-compatible /v1/completions)', () => {
  it('probes the server, then samples k steps per request with their log-probabilities, the same for a seed', async () => {
    const { client, policy } = await connect();
    const caps = await probeEngine(client);
    expect(caps).toEqual({ n: true, logprobs: true, echo: true, notes: [] });
    const input = {
      prompt: countdownTask.prompt(problem),
      requests: [
        { steps: [], k: 4 },
        { steps: ['4+5=9 (left: 6 9 10)'], k: 3 },
      ],
      temperature: 1,
      seed: 3,
      maxStepTokens: 40,
    };
    const [a, b] = [await policy.sample(input), await policy.sample(input)];
    expect(a.map((r) => r.length)).toEqual([4, 3]);
    for (const s of a.flat()) {
      expect(s.text).not.toContain('\n');
      expect(s.logProb).toBeLessThan(0);
      expect(s.tokens).toBeGreaterThan(1);
    }
    expect(b).toEqual(a);
  });

  it('scores a step written by hand through echo: the same log-probability as the model in the page', async () => {
    const { policy } = await connect();
    const input = {
      prompt: countdownTask.prompt(problem),
      stepSeparator: '\n',
      items: [
        { steps: [], step: '10-4=6 (left: 5 6 6)' },
        { steps: ['10-4=6 (left: 5 6 6)'], step: '6-5=1 (left: 1 6)' },
        { steps: [], step: '4+4=8 (left: 5 6 8)' },
      ],
    };
    const server = await policy.scoreSteps(input);
    const local = await models.policy.scoreSteps(input);
    expect(server.map((s) => s.tokens)).toEqual(local.map((s) => s.tokens));
    server.forEach((s, i) => expect(s.logProb).toBeCloseTo(local[i]?.logProb ?? 0, 4));
    // A step the model would write is likelier than one it would not.
    expect(server[0]?.logProb).toBeGreaterThan(server[2]?.logProb ?? 0);
    // A step the server sampled scores about as it was sampled (the double's q8 graph quantizes
    // activations per call, so a longer input shifts the logits a little).
    const [[drawn] = []] = await policy.sample({
      ...input,
      requests: [{ steps: [], k: 1 }],
      temperature: 1,
      seed: 9,
      maxStepTokens: 40,
    });
    const [again] = await policy.scoreSteps({ ...input, items: [{ steps: [], step: drawn?.text ?? '' }] });
    expect(Math.abs((again?.logProb ?? 0) - (drawn?.logProb ?? 0))).toBeLessThan(0.1);
  });

  it('a server without echo (llama.cpp) is found on connect, and writing a step there says why not', async () => {
    double.setFault('no-echo');
    const client = new CompletionsClient({ base, model: MODEL });
    const caps = await probeEngine(client);
    expect(caps).toMatchObject({ n: true, logprobs: true, echo: false });
    expect(caps.notes.join(' ')).toMatch(/does not echo .* written by hand cannot be scored/);
    const session = new SearchSession(countdownTask, problem, { policy: new OpenAiPolicy(client, caps) }, 1);
    await expect(session.write(session.tree.rootId, '10-4=6')).rejects.toThrow(
      /does not echo the prompt's log-probabilities, so a step written by hand cannot be scored there/,
    );
    expect(session.events).toEqual([]);
  });

  it('names a model the server does not serve', async () => {
    const client = new CompletionsClient({ base, model: 'Qwen/Qwen2.5-7B-Instruct' });
    await expect(probeEngine(client)).rejects.toThrow(
      /serves countdown-policy, not "Qwen\/Qwen2.5-7B-Instruct"/,
    );
  });

  it('a server that ignores n (llama.cpp, Ollama) is found on connect: k requests instead, and it says so', async () => {
    double.setFault('single-choice');
    const client = new CompletionsClient({ base, model: MODEL });
    const caps = await probeEngine(client);
    expect(caps.n).toBe(false);
    expect(caps.notes.join(' ')).toMatch(/one choice for n > 1.*k requests/);
    const [samples = []] = await new OpenAiPolicy(client, caps).sample({
      prompt: countdownTask.prompt(problem),
      requests: [{ steps: [], k: 4 }],
      temperature: 1,
      seed: 1,
      maxStepTokens: 40,
    });
    expect(samples).toHaveLength(4);
  });

  it('MCTS runs on the server policy: a real tree, the invariants kept', async () => {
    const { policy } = await connect();
    const session = new SearchSession(countdownTask, problem, { policy, value: models.value }, 1);
    const result = await runToEnd(createStrategy(session, config));
    expect(result.iterations).toBe(8);
    expect(Object.keys(session.tree.nodes).length).toBeGreaterThan(8);
    expect(treeInvariantViolations(session.tree)).toEqual([]);
  });

  const FAULTS: readonly [DoubleFault, RegExp][] = [
    ['timeout', /did not answer within 1 s/],
    ['429', /busy \(HTTP 429/],
    ['500', /failed \(HTTP 500\): CUDA out of memory/],
    ['malformed', /not JSON/],
    ['cut', /connection to the server at .* was cut/],
  ];
  for (const [fault, message] of FAULTS) {
    it(`a ${fault} gives a clear message, keeps the tree, and the same step succeeds once the server is back`, async () => {
      const { policy } = await connect(1_000);
      const session = new SearchSession(countdownTask, problem, { policy, value: models.value }, 2);
      const strategy = createStrategy(session, config);
      while (strategy.phase !== 'expand') await strategy.step();
      await strategy.step(); // the root's expansion
      while (strategy.phase !== 'expand') await strategy.step();
      const before = JSON.stringify(session.tree);
      double.setFault(fault, 1);
      const error = await strategy.step().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).message).toMatch(message);
      expect((error as EngineError).retryable).toBe(true);
      expect(JSON.stringify(session.tree)).toBe(before);
      expect(strategy.phase).toBe('expand');
      // Retry: the same phase again.
      await strategy.step();
      expect(Object.keys(session.tree.nodes).length).toBeGreaterThan(
        Object.keys(JSON.parse(before).nodes).length,
      );
      await runToEnd(strategy);
      expect(treeInvariantViolations(session.tree)).toEqual([]);
    });
  }

  it('parallel MCTS keeps at least 4 requests in flight; the same seed and P give the same tree', async () => {
    const { client, policy } = await connect();
    double.latencyMs = 30;
    const grow = async () => {
      const session = new SearchSession(countdownTask, problem, { policy, value: models.value }, 5);
      await runToEnd(createStrategy(session, { ...config, simulations: 16, k: 8, parallel: 4 }));
      return session;
    };
    const first = await grow();
    expect(double.maxInFlight).toBeGreaterThanOrEqual(4);
    expect(client.maxInFlight).toBeGreaterThanOrEqual(4);
    const second = await grow();
    expect(JSON.stringify(second.events)).toBe(JSON.stringify(first.events));
  });
});
