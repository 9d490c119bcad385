import { describe, expect, it } from 'vitest';
import { bufferFileText, type BufferRecord } from '../../learn/buffer-file';
import type { Generation } from '../../learn/learn-loop';
import type { LearnMessage, LearnRequest, StartRequest } from '../../learn/worker/learn-protocol';
import { MemoryLearnStorage } from '../persistence/learn-db';
import { createLearnStore, type LearnWorkerPort } from './learn-store';

const record: BufferRecord = {
  round: 1,
  puzzle: { numbers: [2, 6, 9, 9], target: 84 },
  solved: true,
  source: 'self-play',
  examples: [
    {
      prompt: '2 6 9 9 -> 84\n',
      steps: ['9-2=7 (left: 6 7 9)'],
      policy: [1],
      outcome: [1, null],
      q: [0.5, null],
    },
  ],
};

const generation = (round: number): Generation => ({
  round,
  mcts: { rate: 0.5, solved: 1, total: 2 },
  curve: [],
  chain: { rate: 0 },
  valueLoss: null,
  policyLoss: null,
  examples: 0,
  selfPlaySolved: null,
  seconds: 1,
});

/** FAKE worker: records what the store asks and lets the test answer (the store's logic, not the model). */
class FakeWorker implements LearnWorkerPort {
  readonly sent: LearnRequest[] = [];
  onmessage: ((event: MessageEvent<LearnMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: LearnRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  say(message: LearnMessage) {
    this.onmessage?.({ data: message } as MessageEvent<LearnMessage>);
  }
}

function setup(storage = new MemoryLearnStorage()) {
  const workers: FakeWorker[] = [];
  const store = createLearnStore({
    storage,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    fetchText: async () => '{}',
    modelsPath: '/models/',
    playgroundPath: '/',
    now: () => 1000,
  });
  return { store, storage, workers };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the Learn store', () => {
  it('stores each self-play record and generation as they arrive, and resumes from the newest', async () => {
    const { store, storage, workers } = setup();
    store.getState().setSettings({ puzzlesPerRound: 7 });
    const run = store.getState().start();
    await flush();
    const w = workers[0] as FakeWorker;
    w.say({
      type: 'generation',
      generation: generation(0),
      weights: { policy: new ArrayBuffer(4), value: null },
    });
    w.say({ type: 'self-play', record, index: 0, total: 2 });
    await flush();
    expect(await storage.records()).toEqual([record]);
    expect((await storage.generations()).map((g) => g.round)).toEqual([0]);
    expect(store.getState().buffer.records).toBe(1);
    w.say({ type: 'done' });
    await run;
    expect(store.getState().phase).toBe('done');
    expect(w.terminated).toBe(true);

    const again = setup(storage);
    await flush();
    expect(again.store.getState().generations.map((g) => g.round)).toEqual([0]);
    expect(again.store.getState().settings.puzzlesPerRound).toBe(7);
    void again.store.getState().start();
    await flush();
    const start = again.workers[0]?.sent[0] as StartRequest;
    expect(start.buffer).toEqual([record]);
    expect(start.from?.generation.round).toBe(0);
    expect(start.from?.weights.policy.byteLength).toBe(4);
  });

  it('refuses a bad buffer file with its reason and leaves the buffer as it was', async () => {
    const { store, storage } = setup();
    await storage.addRecords([record]);
    const bad = { ...record, examples: [{ ...record.examples[0], policy: [1, 1] }] };
    const files = [
      new File(['not json'], 'a.json'),
      new File([JSON.stringify({ format: 'other', version: 1 })], 'b.json'),
      new File([bufferFileText([record, bad as BufferRecord])], 'c.json'),
    ];
    for (const file of files) {
      await store.getState().importBuffer(file);
      expect(store.getState().message).toMatch(
        new RegExp(`^${file.name} was refused .*the buffer is unchanged`),
      );
    }
    expect(await storage.records()).toEqual([record]);
    await store.getState().importBuffer(new File([bufferFileText([record, record])], 'ok.json'));
    expect(await storage.records()).toHaveLength(3);
  });

  it('a cancel lets the worker go at once', async () => {
    const { store, workers } = setup();
    const run = store.getState().start();
    await flush();
    store.getState().cancel();
    await run;
    expect(workers[0]?.terminated).toBe(true);
    expect(store.getState().phase).toBe('cancelled');
  });

  it('opens the playground with the learned pair, or the policy alone where no value model was stored', async () => {
    const { store, workers } = setup();
    void store.getState().start();
    await flush();
    const w = workers[0] as FakeWorker;
    w.say({
      type: 'generation',
      generation: generation(0),
      weights: { policy: new ArrayBuffer(4), value: null },
    });
    const both = { policy: new ArrayBuffer(4), value: new ArrayBuffer(4) };
    w.say({ type: 'generation', generation: generation(1), weights: both });
    const [g0, g1] = store.getState().generations;
    const query = (id = '') => new URLSearchParams(store.getState().playgroundUrl(id).split('?')[1]);
    expect(query(g0?.id).get('policy')).toBe(`learned-${g0?.id}-policy`);
    expect(query(g0?.id).get('value')).toBe('none');
    expect(query(g1?.id).get('value')).toBe(`learned-${g1?.id}-value`);
    expect(query(g1?.id).get('task')).toBe('countdown');
  });
});
