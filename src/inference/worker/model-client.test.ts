import { describe, expect, it } from 'vitest';
import { CancelledError, InferenceError } from '../errors';
import { ModelClient } from './model-client';
import { FakeWorker } from './fake-worker';

const spec = {
  policy: 'countdown-policy',
  value: { kind: 'model', id: 'countdown-value' },
  hub: 'https://huggingface.co',
} as const;
const input = {
  prompt: '1 2 4 7 -> 24\n',
  requests: [{ steps: [], k: 2 }],
  temperature: 1,
  seed: 1,
  maxStepTokens: 40,
};

describe('the model client', () => {
  it('numbers requests and resolves each with its own response', async () => {
    const worker = new FakeWorker();
    const client = new ModelClient(() => worker, { heartbeatMs: 0 });
    const a = client.policy.sample(input);
    const b = client.value.score({ prompt: input.prompt, traces: [[], ['7*4=28 (left: 1 2 28)']] });
    const [sample, score] = worker.posted;
    expect(sample?.type).toBe('sample');
    expect(score?.type).toBe('score');
    expect(sample?.id).not.toBe(score?.id);
    worker.answer({ type: 'scores', id: score?.id ?? -1, scores: [0.9, 0.2], ms: 3 });
    worker.answer({
      type: 'samples',
      id: sample?.id ?? -1,
      samples: [[{ text: '7*4=28 (left: 1 2 28)', logProb: -1, tokens: 9 }]],
      ms: 5,
    });
    expect(await b).toEqual([0.9, 0.2]);
    expect((await a)[0]?.[0]?.text).toBe('7*4=28 (left: 1 2 28)');
    expect(client.modelMs).toBe(8);
  });

  it('passes loading progress to the caller, then the backend and why', async () => {
    const worker = new FakeWorker();
    const client = new ModelClient(() => worker, { heartbeatMs: 0 });
    const seen: number[] = [];
    const loading = client.load('auto', spec, (p) => seen.push(p.totalProgress));
    const id = worker.last().id;
    worker.answer({
      type: 'progress',
      id,
      file: 'countdown-policy/onnx/model_quantized.onnx',
      fileProgress: 0.5,
      totalProgress: 0.25,
      loadedBytes: 1,
      totalBytes: 1,
    });
    worker.answer({
      type: 'progress',
      id,
      file: 'countdown-value/onnx/model_quantized.onnx',
      fileProgress: 1,
      totalProgress: 1,
      loadedBytes: 1,
      totalBytes: 1,
    });
    worker.answer({
      type: 'loaded',
      id,
      backend: 'wasm',
      reason: 'no adapter',
      dtype: 'q8',
      models: ['a', 'b'],
      hasValue: true,
    });
    expect(await loading).toMatchObject({ backend: 'wasm', reason: 'no adapter' });
    expect(seen).toEqual([0.25, 1]);
  });

  it('rebuilds named errors from their code, and refuses a response of the wrong type', async () => {
    const worker = new FakeWorker();
    const client = new ModelClient(() => worker, { heartbeatMs: 0 });
    const failing = client.load('webgpu', spec);
    worker.answer({ type: 'error', id: worker.last().id, code: 'load-failed', message: 'no adapter' });
    await expect(failing).rejects.toThrow(InferenceError);
    await expect(failing).rejects.toMatchObject({ code: 'load-failed', message: 'no adapter' });
    const confused = client.policy.sample(input);
    worker.answer({ type: 'scores', id: worker.last().id, scores: [], ms: 0 });
    await expect(confused).rejects.toThrow(/answered a sample request with scores/);
  });

  it('cancels every model request in flight, which then reject as cancelled', async () => {
    const worker = new FakeWorker();
    const client = new ModelClient(() => worker, { heartbeatMs: 0 });
    const pending = client.policy.sample(input);
    const target = worker.last().id;
    client.cancelAll();
    expect(worker.last()).toMatchObject({ type: 'cancel', target });
    worker.answer({ type: 'error', id: target, code: 'cancelled', message: 'generation cancelled' });
    await expect(pending).rejects.toThrow(CancelledError);
  });
});
