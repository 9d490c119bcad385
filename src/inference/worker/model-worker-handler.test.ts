import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../../core/models';
import { InferenceError } from '../errors';
import { FakeWorkerModels, HeldCalls } from './fake-worker-models';
import { createModelWorkerHandler, type LoadedModels } from './model-worker-handler';
import type { LoadProgressReport } from './progress-totals';
import type { Backend, ErrorMessage, LoadRequest, WorkerMessage } from './protocol';

/**
 * The worker's side of the protocol against FAKE models and a fake loader, each call held until
 * the test answers it: the point is the queue, cancel, errors and the fatal path.
 */
const input: PolicyInput = {
  prompt: '1 2 4 7 -> 24\n',
  requests: [{ steps: [], k: 1 }],
  temperature: 1,
  seed: 1,
  maxStepTokens: 40,
};
const scoreInput = { prompt: input.prompt, traces: [[]] };
const step = (text: string) => [[{ text, logProb: -1, tokens: 3 }]];
const loadRequest = (id: number, backend: 'wasm' | 'webgpu' = 'wasm'): LoadRequest => ({
  type: 'load',
  id,
  backend,
  models: { policy: 'countdown-policy', value: { kind: 'none' }, hub: 'https://huggingface.co' },
});
/** Lets every promise the handler chains settle. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup() {
  const posted: WorkerMessage[] = [];
  const loads = new HeldCalls<
    { request: LoadRequest; onProgress: (p: LoadProgressReport) => void },
    LoadedModels
  >();
  const watchers: ((reason: string) => void)[] = [];
  let clock = 0;
  const handler = createModelWorkerHandler({
    load: (request, onProgress) => loads.call({ request, onProgress }),
    post: (m) => posted.push(m),
    watchDeviceLoss: (onLost) => watchers.push(onLost),
    now: () => (clock += 10),
  });
  /** Loads `models` as request `id` and waits for the answer. */
  const loadModels = async (id: number, models: FakeWorkerModels, backend: Backend = 'wasm') => {
    handler.onMessage(loadRequest(id, backend));
    loads.at(loads.calls.length - 1).answer({ models, backend, reason: `${backend} for the test` });
    await flush();
  };
  const answered = () => posted.filter((m) => m.type !== 'progress').map((m) => `${m.type} ${m.id}`);
  return { handler, posted, loads, watchers, loadModels, answered };
}

describe('the model worker handler', () => {
  it('answers a ping at once, even while a model call runs', async () => {
    const { handler, loadModels, answered } = setup();
    const models = new FakeWorkerModels(['countdown-policy']);
    await loadModels(1, models);
    handler.onMessage({ type: 'sample', id: 2, input });
    handler.onMessage({ type: 'ping', id: 3 });
    expect(models.samples.calls).toHaveLength(1);
    expect(answered()).toEqual(['loaded 1', 'pong 3']);
  });

  it('reports load progress under the load, then what was loaded', async () => {
    const { handler, posted, loads } = setup();
    handler.onMessage(loadRequest(1));
    const file = {
      file: 'countdown-policy/onnx/model.onnx',
      fileProgress: 0.5,
      loadedBytes: 5,
      totalBytes: 10,
    };
    loads.at(0).args.onProgress({ ...file, totalProgress: 0.5 });
    loads.at(0).answer({
      models: new FakeWorkerModels(['countdown-policy', 'countdown-value']),
      backend: 'wasm',
      reason: 'WASM was chosen',
    });
    await flush();
    expect(posted).toEqual([
      { type: 'progress', id: 1, ...file, totalProgress: 0.5 },
      {
        type: 'loaded',
        id: 1,
        backend: 'wasm',
        reason: 'WASM was chosen',
        dtype: 'fp32',
        models: ['countdown-policy', 'countdown-value'],
        hasValue: true,
      },
    ]);
  });

  it('runs model requests one at a time, in arrival order', async () => {
    const { handler, posted, loads, answered } = setup();
    const models = new FakeWorkerModels(['countdown-policy']);
    handler.onMessage(loadRequest(1));
    handler.onMessage({ type: 'sample', id: 2, input });
    handler.onMessage({ type: 'score', id: 3, input: scoreInput });
    handler.onMessage({ type: 'sample', id: 4, input: { ...input, seed: 4 } });
    await flush();
    // Nothing runs on models that are still loading.
    expect(models.samples.calls).toHaveLength(0);
    loads.at(0).answer({ models, backend: 'wasm', reason: 'test' });
    await flush();
    expect(models.samples.calls).toHaveLength(1);
    expect(models.scores.calls).toHaveLength(0);
    models.samples.at(0).answer(step('7*4=28 (left: 1 2 28)'));
    await flush();
    expect(models.scores.calls).toHaveLength(1);
    expect(models.samples.calls).toHaveLength(1);
    models.scores.at(0).answer([0.75]);
    await flush();
    expect(models.samples.calls).toHaveLength(2);
    expect(models.samples.at(1).args.input.seed).toBe(4);
    models.samples.at(1).answer(step('2+1=3 (left: 3 4 7)'));
    await flush();
    expect(answered()).toEqual(['loaded 1', 'samples 2', 'scores 3', 'samples 4']);
    expect(posted).toContainEqual({ type: 'scores', id: 3, scores: [0.75], ms: 10 });
  });

  it('drops a queued request that is cancelled before it runs', async () => {
    const { handler, posted, loadModels, answered } = setup();
    const models = new FakeWorkerModels(['countdown-policy']);
    await loadModels(1, models);
    handler.onMessage({ type: 'sample', id: 2, input });
    handler.onMessage({ type: 'sample', id: 3, input });
    handler.onMessage({ type: 'cancel', id: 4, target: 3 });
    expect(posted).toContainEqual({ type: 'cancelled', id: 4, found: true });
    expect(posted).toContainEqual({
      type: 'error',
      id: 3,
      code: 'cancelled',
      message: 'cancelled before it ran',
    });
    models.samples.at(0).answer(step('7*4=28 (left: 1 2 28)'));
    await flush();
    expect(models.samples.calls).toHaveLength(1);
    expect(answered()).toEqual(['loaded 1', 'error 3', 'cancelled 4', 'samples 2']);
  });

  it('aborts the running request on cancel, answers it as cancelled and goes on', async () => {
    const { handler, posted, loadModels, answered } = setup();
    const models = new FakeWorkerModels(['countdown-policy']);
    await loadModels(1, models);
    handler.onMessage({ type: 'sample', id: 2, input });
    handler.onMessage({ type: 'sample', id: 3, input });
    handler.onMessage({ type: 'cancel', id: 4, target: 2 });
    expect(models.samples.at(0).args.signal.aborted).toBe(true);
    await flush();
    expect(posted).toContainEqual({
      type: 'error',
      id: 2,
      code: 'cancelled',
      message: 'generation cancelled',
    });
    expect(models.samples.calls).toHaveLength(2);
    expect(models.samples.at(1).args.signal.aborted).toBe(false);
    models.samples.at(1).answer(step('7*4=28 (left: 1 2 28)'));
    await flush();
    expect(answered()).toEqual(['loaded 1', 'cancelled 4', 'error 2', 'samples 3']);
  });

  it('answers a cancelled run as cancelled even when the model finished it anyway', async () => {
    const { handler, posted, loadModels } = setup();
    const models = new FakeWorkerModels(['countdown-policy'], { ignoresAbort: true });
    await loadModels(1, models);
    handler.onMessage({ type: 'sample', id: 2, input });
    handler.onMessage({ type: 'score', id: 3, input: scoreInput });
    handler.onMessage({ type: 'cancel', id: 4, target: 2 });
    models.samples.at(0).answer(step('7*4=28 (left: 1 2 28)'));
    await flush();
    // The value takes no signal: the handler checks for a cancel once it returns.
    handler.onMessage({ type: 'cancel', id: 5, target: 3 });
    models.scores.at(0).answer([0.5]);
    await flush();
    const errors = posted.filter((m): m is ErrorMessage => m.type === 'error');
    expect(errors.map((m) => [m.id, m.code])).toEqual([
      [2, 'cancelled'],
      [3, 'cancelled'],
    ]);
    expect(posted.some((m) => m.type === 'samples' || m.type === 'scores')).toBe(false);
  });

  it('answers found: false to a cancel of a request it no longer holds', async () => {
    const { handler, posted, loadModels } = setup();
    const models = new FakeWorkerModels(['countdown-policy']);
    await loadModels(1, models);
    handler.onMessage({ type: 'sample', id: 2, input });
    models.samples.at(0).answer(step('7*4=28 (left: 1 2 28)'));
    await flush();
    handler.onMessage({ type: 'cancel', id: 3, target: 2 });
    expect(posted.at(-1)).toEqual({ type: 'cancelled', id: 3, found: false });
  });

  it('maps errors to their codes and goes on with the next request', async () => {
    const { handler, posted, loadModels } = setup();
    handler.onMessage({ type: 'sample', id: 1, input });
    await flush();
    const models = new FakeWorkerModels(['countdown-policy'], { withValue: false });
    await loadModels(2, models);
    handler.onMessage({ type: 'score', id: 3, input: scoreInput });
    handler.onMessage({ type: 'sample', id: 4, input });
    handler.onMessage({ type: 'sample', id: 5, input });
    handler.onMessage({ type: 'sample', id: 6, input });
    await flush();
    models.samples.at(0).fail(new Error('out of memory'));
    await flush();
    models.samples.at(1).fail(new InferenceError('bad-request', 'k must be positive'));
    await flush();
    models.samples.at(2).answer(step('7*4=28 (left: 1 2 28)'));
    await flush();
    expect(posted.filter((m) => m.type !== 'progress' && m.type !== 'loaded')).toEqual([
      { type: 'error', id: 1, code: 'not-loaded', message: 'the models are not loaded yet' },
      { type: 'error', id: 3, code: 'not-loaded', message: 'no value model is loaded' },
      { type: 'error', id: 4, code: 'inference-failed', message: 'out of memory' },
      { type: 'error', id: 5, code: 'bad-request', message: 'k must be positive' },
      { type: 'samples', id: 6, samples: step('7*4=28 (left: 1 2 28)'), ms: 10 },
    ]);
  });

  it('keeps the models it has when a load fails, and lets them go only for new ones', async () => {
    const { handler, posted, loads, loadModels } = setup();
    const first = new FakeWorkerModels(['countdown-policy']);
    await loadModels(1, first);
    handler.onMessage(loadRequest(2));
    loads.at(1).fail(new InferenceError('load-failed', 'org/missing: not found from the hub'));
    await flush();
    expect(posted.at(-1)).toEqual({
      type: 'error',
      id: 2,
      code: 'load-failed',
      message: 'org/missing: not found from the hub',
    });
    expect(first.disposed).toBe(false);
    handler.onMessage({ type: 'sample', id: 3, input });
    expect(first.samples.calls).toHaveLength(1);
    first.samples.at(0).answer(step('7*4=28 (left: 1 2 28)'));
    await flush();
    const second = new FakeWorkerModels(['countdown-policy-2']);
    await loadModels(4, second);
    expect(first.disposed).toBe(true);
    handler.onMessage({ type: 'sample', id: 5, input });
    expect(second.samples.calls).toHaveLength(1);
    expect(first.samples.calls).toHaveLength(1);
  });

  it('watches the device after a WebGPU load and reports its loss as fatal', async () => {
    const { posted, watchers, loadModels } = setup();
    await loadModels(1, new FakeWorkerModels(['countdown-policy']), 'wasm');
    expect(watchers).toHaveLength(0);
    await loadModels(2, new FakeWorkerModels(['countdown-policy']), 'webgpu');
    expect(watchers).toHaveLength(1);
    expect(posted.some((m) => m.type === 'fatal')).toBe(false);
    watchers[0]?.('its WebGPU device was lost (destroyed)');
    expect(posted.at(-1)).toEqual({ type: 'fatal', id: 0, reason: 'its WebGPU device was lost (destroyed)' });
  });
});
