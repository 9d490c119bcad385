import { describe, expect, it, vi } from 'vitest';
import type { Generation, learn } from '../learn-loop';
import type { LearnMessage } from './learn-protocol';
import { createLearnWorkerHandler } from './learn-worker-handler';
import { RunCancelledError, RunGate } from './run-gate';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const generation = (round: number): Generation => ({
  round,
  mcts: { rate: 0.5, solved: 1, total: 2 },
  curve: [{ simulations: 4, rate: 0.5 }],
  chain: { rate: 0 },
  valueLoss: null,
  policyLoss: null,
  examples: 0,
  selfPlaySolved: null,
  seconds: 1,
});

/** A fake learning loop (the handler's point is the messages and the gate, not the model). */
function fakeRun(steps: number, seen: { starts: unknown[] }): typeof learn {
  return async (_host, _puzzles, _held, _config, hooks = {}, start = {}) => {
    seen.starts.push(start);
    hooks.onGeneration?.(generation(0), { policy: new Uint8Array([1, 2]), value: null });
    for (let i = 0; i < steps; i++) {
      await hooks.between?.();
      hooks.onPhase?.('self-play', 1);
    }
    return { generations: [], models: { policy: new Uint8Array(), value: null }, buffer: [] };
  };
}

function handler(steps: number) {
  const posted: LearnMessage[] = [];
  const seen = { starts: [] as unknown[] };
  const handle = createLearnWorkerHandler({
    initTf: async () => ({ backend: 'wasm', reason: 'test' }),
    host: async () => ({
      shipped: { policy: new Uint8Array(), value: new Uint8Array() },
      load: () => Promise.reject(new Error('not loaded in this test')),
    }),
    run: fakeRun(steps, seen),
    evalPuzzles: () => [],
    heldOutKeys: () => new Set(),
    post: (m) => posted.push(m),
    yieldTask: tick,
  });
  return { handle, posted, seen };
}

const start = { type: 'start', config: {} as never, evalPuzzles: 1, buffer: [] } as const;

describe('RunGate', () => {
  it('holds a check while paused (saying so when it holds) and throws once cancelled', async () => {
    let holds = 0;
    const gate = new RunGate(tick, () => (holds += 1));
    gate.pause();
    expect(holds).toBe(0);
    let passed = false;
    const check = gate.between().then(() => (passed = true));
    await tick();
    await tick();
    expect(passed).toBe(false);
    expect(holds).toBe(1);
    gate.resume();
    await check;
    expect(passed).toBe(true);
    gate.cancel();
    await expect(gate.between()).rejects.toBeInstanceOf(RunCancelledError);
  });
});

describe('createLearnWorkerHandler', () => {
  it('reports the backend, a generation with its weights, the phases and done', async () => {
    const { handle, posted } = handler(2);
    handle(start);
    await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('done'));
    expect(posted.map((m) => m.type)).toEqual(['backend', 'generation', 'phase', 'phase', 'done']);
    const g = posted[1];
    expect(g?.type === 'generation' && new Uint8Array(g.weights.policy)).toEqual(new Uint8Array([1, 2]));
  });

  it('a cancel ends the run at its next check and says so', async () => {
    const { handle, posted } = handler(1000);
    handle(start);
    await vi.waitFor(() => expect(posted.some((m) => m.type === 'phase')).toBe(true));
    handle({ type: 'cancel' });
    await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('cancelled'));
    expect(posted.filter((m) => m.type === 'phase').length).toBeLessThan(1000);
  });

  it('hands a stored generation and the buffer to the loop as its start', async () => {
    const { handle, posted, seen } = handler(0);
    const weights = { policy: new Uint8Array([7]).buffer, value: null };
    handle({ ...start, from: { generation: generation(3), weights } });
    await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('done'));
    expect(seen.starts[0]).toMatchObject({
      buffer: [],
      from: { generation: { round: 3 }, models: { policy: new Uint8Array([7]), value: null } },
    });
  });
});
