import type { Policy, PolicyInput, StepSample, Value, ValueInput } from '../../core/models';
import { CancelledError, inferenceError } from '../errors';
import {
  isResponseTo,
  type BackendChoice,
  type LoadedResponse,
  type ModelSpec,
  type ProgressMessage,
  type RequestType,
  type ResponseFor,
  type WorkerMessage,
  type WorkerRequest,
} from './protocol';

/** What the client needs of a Worker (a real one in the page, a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message?: string }) => void): void;
  terminate(): void;
}

interface Pending {
  readonly type: RequestType;
  settle(message: WorkerMessage): void;
  onProgress?: (p: ProgressMessage) => void;
}

/**
 * The page's side of the worker protocol: numbered requests, each answered by exactly one
 * success or error message; progress goes to the request's callback. Exposes the worker's
 * models through the engine's Policy and Value interfaces.
 */
export class ModelClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Milliseconds spent inside the models (as measured in the worker). */
  modelMs = 0;

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (event) => this.receive(event.data));
    worker.addEventListener('error', (event) => this.failAll(event.message || 'the model worker crashed'));
  }

  load(
    backend: BackendChoice,
    models: ModelSpec,
    onProgress?: (p: ProgressMessage) => void,
  ): Promise<LoadedResponse> {
    return this.request('load', (id) => ({ type: 'load', id, backend, models }), onProgress);
  }

  readonly policy: Policy = {
    sample: async (input: PolicyInput): Promise<StepSample[][]> => {
      const r = await this.request('sample', (id) => ({ type: 'sample', id, input }));
      this.modelMs += r.ms;
      return r.samples;
    },
  };

  readonly value: Value = {
    score: async (input: ValueInput): Promise<number[]> => {
      const r = await this.request('score', (id) => ({ type: 'score', id, input }));
      this.modelMs += r.ms;
      return r.scores;
    },
  };

  /** Cancels every model request in flight or queued; they reject with CancelledError. */
  cancelAll(): void {
    for (const [id, p] of this.pending) {
      if (p.type === 'sample' || p.type === 'score')
        this.worker.postMessage({ type: 'cancel', id: this.nextId++, target: id });
    }
  }

  dispose(): void {
    this.failAll('the model worker was stopped', true);
    this.worker.terminate();
  }

  /** `build` makes the request from the id the client gives it. */
  private request<T extends Exclude<RequestType, 'cancel'>>(
    type: T,
    build: (id: number) => WorkerRequest & { type: T },
    onProgress?: (p: ProgressMessage) => void,
  ): Promise<ResponseFor[T]> {
    const id = this.nextId++;
    return new Promise<ResponseFor[T]>((resolve, reject) => {
      this.pending.set(id, {
        type,
        ...(onProgress ? { onProgress } : {}),
        settle: (m) => {
          if (m.type === 'error') reject(inferenceError(m.code, m.message));
          else if (isResponseTo(type, m)) resolve(m);
          else reject(new Error(`the worker answered a ${type} request with ${m.type}`));
        },
      });
      this.worker.postMessage(build(id));
    });
  }

  private receive(message: WorkerMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message);
      return;
    }
    this.pending.delete(message.id);
    pending.settle(message);
  }

  private failAll(reason: string, cancelled = false): void {
    for (const [id, p] of this.pending) {
      p.settle({ type: 'error', id, code: cancelled ? 'cancelled' : 'inference-failed', message: reason });
    }
    this.pending.clear();
  }
}

export { CancelledError };
