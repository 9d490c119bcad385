import { describe, expect, it } from 'vitest';
import { CancelledError, InferenceError } from '../errors';
import { ModelClient, type WorkerLike } from './model-client';
import type { WorkerMessage, WorkerRequest } from './protocol';

/**
 * A FAKE worker: it records what the client posts and lets the test answer by hand. The point
 * here is the client's side of the protocol (ids, progress, errors, cancel), not the models.
 */
class FakeWorker implements WorkerLike {
  readonly posted: WorkerRequest[] = [];
  terminated = false;
  private onMessage: ((event: MessageEvent<WorkerMessage>) => void) | undefined;
  private onError: ((event: { readonly message?: string }) => void) | undefined;

  postMessage(message: WorkerRequest): void {
    this.posted.push(message);
  }

  addEventListener(
    type: 'message' | 'error',
    listener: ((e: MessageEvent<WorkerMessage>) => void) & ((e: { readonly message?: string }) => void),
  ): void {
    if (type === 'message') this.onMessage = listener;
    else this.onError = listener;
  }

  terminate(): void {
    this.terminated = true;
  }

  answer(message: WorkerMessage): void {
    this.onMessage?.(new MessageEvent('message', { data: message }));
  }

  crash(message: string): void {
    this.onError?.({ message });
  }

  last(): WorkerRequest {
    const r = this.posted[this.posted.length - 1];
    if (!r) throw new Error('nothing posted');
    return r;
  }
}

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
    const client = new ModelClient(worker);
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
    const client = new ModelClient(worker);
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
    const client = new ModelClient(worker);
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
    const client = new ModelClient(worker);
    const pending = client.policy.sample(input);
    const target = worker.last().id;
    client.cancelAll();
    expect(worker.last()).toMatchObject({ type: 'cancel', target });
    worker.answer({ type: 'error', id: target, code: 'cancelled', message: 'generation cancelled' });
    await expect(pending).rejects.toThrow(CancelledError);
  });

  it('fails every pending request when the worker crashes', async () => {
    const worker = new FakeWorker();
    const client = new ModelClient(worker);
    const a = client.policy.sample(input);
    const b = client.load('wasm', spec);
    worker.crash('out of memory');
    await expect(a).rejects.toThrow('out of memory');
    await expect(b).rejects.toThrow('out of memory');
    client.dispose();
    expect(worker.terminated).toBe(true);
  });
});
