import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWorker } from './fake-worker';
import { ModelClient, type WorkerEvent } from './model-client';
import type { LoadedResponse } from './protocol';

/**
 * The client keeping the models' worker alive, against FAKE workers (the point is the
 * replacement logic: which worker gets what, in which order, and what the page is told).
 */
const spec = { policy: 'countdown-policy', value: { kind: 'none' }, hub: 'https://huggingface.co' } as const;
const input = {
  prompt: '1 2 4 7 -> 24\n',
  requests: [{ steps: [], k: 2 }],
  temperature: 1,
  seed: 1,
  maxStepTokens: 40,
};
const loaded = (id: number): LoadedResponse => ({
  type: 'loaded',
  id,
  backend: 'wasm',
  reason: 'WASM was chosen',
  dtype: 'fp32',
  models: ['countdown-policy'],
  hasValue: false,
});

function setup(options: { heartbeatMs?: number; now?: () => number } = {}) {
  const workers: FakeWorker[] = [];
  const events: WorkerEvent[] = [];
  const client = new ModelClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { heartbeatMs: 0, ...options, onWorkerEvent: (e) => events.push(e) },
  );
  const worker = (i: number) => workers[i] as FakeWorker;
  return { client, workers, worker, events };
}

/** Loads the models on worker 0, as the page does first. */
async function loadedClient(options: { heartbeatMs?: number; now?: () => number } = {}) {
  const s = setup(options);
  const loading = s.client.load('wasm', spec);
  s.worker(0).answer(loaded(s.worker(0).last().id));
  await loading;
  return s;
}

describe('the model client replacing a lost worker', () => {
  it('after a crash, loads the models on a new worker, then sends the request in flight again', async () => {
    const { client, workers, worker, events } = await loadedClient();
    const sample = client.policy.sample(input);
    worker(0).crash('out of memory');
    expect(worker(0).terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const [reload, again] = worker(1).posted;
    expect(reload).toMatchObject({ type: 'load', models: spec });
    expect(again).toMatchObject({ type: 'sample', input });
    worker(1).answer(loaded(reload?.id ?? -1));
    worker(1).answer({
      type: 'samples',
      id: again?.id ?? -1,
      samples: [[{ text: '7*4=28', logProb: -1, tokens: 7 }]],
      ms: 1,
    });
    expect((await sample)[0]?.[0]?.text).toBe('7*4=28');
    expect(events.map((e) => e.kind)).toEqual(['lost', 'restored']);
    expect(events[0]).toMatchObject({ reason: expect.stringContaining('out of memory') });
  });

  it('ignores whatever the old worker still says', async () => {
    const { client, worker } = await loadedClient();
    const sample = client.policy.sample(input);
    const oldId = worker(0).last().id;
    worker(0).crash('boom');
    worker(0).answer({ type: 'error', id: oldId, code: 'inference-failed', message: 'late' });
    const again = worker(1).posted.find((m) => m.type === 'sample');
    worker(1).answer({ type: 'samples', id: again?.id ?? -1, samples: [[]], ms: 0 });
    expect(await sample).toEqual([[]]);
  });

  it('replaces a worker that reports a lost GPU', async () => {
    const { workers, worker, events } = await loadedClient();
    worker(0).answer({ type: 'fatal', id: 0, reason: 'its WebGPU device was lost (destroyed)' });
    expect(workers).toHaveLength(2);
    expect(events[0]).toEqual({ kind: 'lost', reason: 'its WebGPU device was lost (destroyed)' });
  });

  it('fails a request whose worker is lost twice, and tells when the new one cannot load', async () => {
    const { client, worker, events } = await loadedClient();
    const sample = client.policy.sample(input);
    worker(0).crash('first');
    worker(1).crash('second');
    await expect(sample).rejects.toMatchObject({ code: 'worker-lost' });
    const reload = worker(2).posted.find((m) => m.type === 'load');
    worker(2).answer({ type: 'error', id: reload?.id ?? -1, code: 'load-failed', message: 'no network' });
    expect(events.map((e) => e.kind)).toEqual(['lost', 'lost', 'failed']);
    expect(events.at(-1)).toEqual({ kind: 'failed', reason: 'no network' });
  });

  it('gives up after three losses within a minute', async () => {
    const { client, worker, events } = await loadedClient();
    worker(0).crash('1');
    worker(1).crash('2');
    const sample = client.policy.sample(input);
    worker(2).crash('3');
    await expect(sample).rejects.toMatchObject({ code: 'worker-lost' });
    expect(events.at(-1)).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('3 times within a minute'),
    });
    expect(worker(3).posted).toEqual([]);
  });

  describe('with a heartbeat', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('notices a worker that stops answering within 3.5 s, and not one that answers', async () => {
      let now = 0;
      const tick = async (ms: number) => {
        now += ms;
        vi.advanceTimersByTime(ms);
      };
      const { workers, worker, events } = await loadedClient({ heartbeatMs: 500, now: () => now });
      for (let t = 0; t < 20; t++) {
        await tick(500);
        const ping = worker(0).last();
        if (ping.type === 'ping') worker(0).answer({ type: 'pong', id: ping.id });
      }
      expect(workers).toHaveLength(1);
      // It closes itself right after its last answer: pings go unanswered from here.
      let noticedAfter = 0;
      while (workers.length === 1 && noticedAfter < 10_000) {
        await tick(100);
        noticedAfter += 100;
      }
      expect(workers).toHaveLength(2);
      // The defaults' own bound, on a counted clock (not the machine's): a beat, then 2.5 s, then a beat.
      expect(noticedAfter).toBeLessThanOrEqual(3_500);
      expect(noticedAfter).toBeGreaterThan(2_500);
      expect(events[0]).toMatchObject({ kind: 'lost', reason: expect.stringContaining('stopped answering') });
    });
  });
});
