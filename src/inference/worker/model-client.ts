import type {
  Policy,
  PolicyInput,
  ScoreStepsInput,
  StepSample,
  StepScore,
  Value,
  ValueInput,
} from '../../core/models';
import { CancelledError, InferenceError, inferenceError } from '../errors';
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
  type CacheCounters,
} from './protocol';

/** What the client needs of a Worker (a real one in the page, a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message?: string }) => void): void;
  terminate(): void;
}

/** What happened to the worker, for the page to tell the user. */
export type WorkerEvent =
  /** It crashed, closed, stopped answering or lost its GPU: a new one is starting. */
  | { readonly kind: 'lost'; readonly reason: string }
  /** The new one has the models loaded again; requests in flight were sent to it again. */
  | { readonly kind: 'restored'; readonly reason: string; readonly loaded: LoadedResponse }
  /** The new one could not load the models: `reason` says why. */
  | { readonly kind: 'failed'; readonly reason: string };

export interface ClientOptions {
  /** How often the page asks the worker whether it is alive; 0 turns the heartbeat off. */
  readonly heartbeatMs?: number;
  /**
   * No answer for this long and the worker counts as lost. The worker answers between two forward
   * passes, so this must outlast the longest pass: at the defaults a silent worker running the
   * embedded models is noticed within 3.5 s (a ping, then at most this long and one beat more).
   */
  readonly timeoutMs?: number;
  /** The same for hub models: one pass of a model of billions of parameters on WASM takes seconds. */
  readonly hubTimeoutMs?: number;
  /** The same while models load: creating an ONNX session can hold the worker for seconds. */
  readonly loadTimeoutMs?: number;
  readonly onWorkerEvent?: (event: WorkerEvent) => void;
  readonly now?: () => number;
}

/** At most this many replacements within RESTART_WINDOW_MS; then the client gives up. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

interface Pending {
  readonly type: RequestType;
  readonly message: WorkerRequest;
  /** Sent again once already after a lost worker: a second loss fails it (it may be the cause). */
  resent: boolean;
  /** The client's own reload of the models after a loss, not a caller's request. */
  readonly internal?: boolean;
  settle(message: WorkerMessage): void;
  onProgress?: (p: ProgressMessage) => void;
}

/**
 * The page's side of the worker protocol: numbered requests, each answered by exactly one
 * success or error message; progress goes to the request's callback. Exposes the worker's
 * models through the engine's Policy and Value interfaces.
 *
 * It also keeps the worker alive: a worker that crashes (an error event), closes itself or stops
 * answering the heartbeat, or reports a lost GPU, is replaced by a new one from `createWorker`;
 * the models last loaded are loaded again, and the requests in flight are sent again in order.
 * Model requests are seeded, so the search gets exactly the answers it would have got.
 */
export class ModelClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private worker: WorkerLike;
  /** Messages from replaced workers are ignored: each listener holds its worker's generation. */
  private generation = 0;
  private lastLoad: WorkerRequest | null = null;
  private pingSentAt: number | null = null;
  private readonly timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;
  /** Milliseconds spent inside the models (as measured in the worker). */
  modelMs = 0;
  /** The policy's prefix-cache counters, as of the last samples. */
  cache: CacheCounters | null = null;
  /** How many times the worker was replaced. */
  restarts = 0;
  /** When the last few replacements happened: a worker lost again and again is given up on. */
  private readonly replacedAt: number[] = [];

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly options: ClientOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.worker = this.attach(createWorker());
    const every = options.heartbeatMs ?? 500;
    if (every > 0) this.timer = setInterval(() => this.heartbeat(), every);
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
      if (r.cache) this.cache = r.cache;
      return r.samples;
    },
    scoreSteps: async (input: ScoreStepsInput): Promise<StepScore[]> => {
      const r = await this.request('score-steps', (id) => ({ type: 'score-steps', id, input }));
      this.modelMs += r.ms;
      return r.scores;
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
      if (p.type === 'sample' || p.type === 'score' || p.type === 'score-steps')
        this.worker.postMessage({ type: 'cancel', id: this.nextId++, target: id });
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.failAll(new CancelledError('the model worker was stopped'));
    this.generation++;
    this.worker.terminate();
  }

  /** Replaces the worker now (a crash, a close, no heartbeat, a lost GPU). */
  replaceWorker(reason: string): void {
    this.generation++;
    this.restarts++;
    this.pingSentAt = null;
    this.worker.terminate();
    this.worker = this.attach(this.createWorker());
    this.options.onWorkerEvent?.({ kind: 'lost', reason });
    const now = this.now();
    this.replacedAt.push(now);
    while (this.replacedAt.length > MAX_RESTARTS) this.replacedAt.shift();
    if (this.replacedAt.length === MAX_RESTARTS && now - (this.replacedAt[0] ?? now) < RESTART_WINDOW_MS) {
      // Lost again and again (a load that kills it, a GPU that keeps failing): stop trying.
      const why = `the model worker was lost ${MAX_RESTARTS} times within a minute (${reason})`;
      this.failAll(new InferenceError('worker-lost', why));
      this.options.onWorkerEvent?.({ kind: 'failed', reason: why });
      return;
    }
    const again = [...this.pending.values()].filter((p) => p.type !== 'cancel' && p.type !== 'ping');
    for (const p of again) {
      if (p.resent) {
        this.pending.delete(p.message.id);
        // A reload of our own that was lost is simply sent again below.
        if (p.internal) continue;
        p.settle({
          type: 'error',
          id: p.message.id,
          code: 'worker-lost',
          message: `the model worker was lost twice during this request (${reason})`,
        });
      }
    }
    const resend = again.filter((p) => !p.resent);
    // The models come back first, unless a load was in flight anyway (it goes again in order).
    if (this.lastLoad && !resend.some((p) => p.type === 'load')) this.reload(reason);
    for (const p of resend) {
      p.resent = true;
      this.worker.postMessage(p.message);
    }
  }

  private reload(reason: string): void {
    const message = { ...(this.lastLoad as WorkerRequest), id: this.nextId++ };
    this.pending.set(message.id, {
      type: 'load',
      message,
      resent: true,
      internal: true,
      settle: (m) => {
        if (m.type === 'error') this.options.onWorkerEvent?.({ kind: 'failed', reason: m.message });
        else if (isResponseTo('load', m))
          this.options.onWorkerEvent?.({ kind: 'restored', reason, loaded: m });
      },
    });
    this.worker.postMessage(message);
  }

  private attach(worker: WorkerLike): WorkerLike {
    const generation = this.generation;
    worker.addEventListener('message', (event) => {
      if (generation === this.generation) this.receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (generation === this.generation)
        this.replaceWorker(`it crashed: ${event.message || 'an error it did not catch'}`);
    });
    return worker;
  }

  private heartbeat(): void {
    const loading = [...this.pending.values()].some((p) => p.type === 'load');
    const hub = this.lastLoad?.type === 'load' && this.lastLoad.models.policy.includes('/');
    const limit = loading
      ? (this.options.loadTimeoutMs ?? 60_000)
      : hub
        ? (this.options.hubTimeoutMs ?? 20_000)
        : (this.options.timeoutMs ?? 2_500);
    if (this.pingSentAt !== null) {
      if (this.now() - this.pingSentAt > limit)
        this.replaceWorker(`it stopped answering for ${(limit / 1000).toFixed(1)} s`);
      return;
    }
    this.pingSentAt = this.now();
    this.worker.postMessage({ type: 'ping', id: this.nextId++ });
  }

  /** `build` makes the request from the id the client gives it. */
  private request<T extends Exclude<RequestType, 'cancel' | 'ping'>>(
    type: T,
    build: (id: number) => WorkerRequest & { type: T },
    onProgress?: (p: ProgressMessage) => void,
  ): Promise<ResponseFor[T]> {
    const id = this.nextId++;
    const message = build(id);
    return new Promise<ResponseFor[T]>((resolve, reject) => {
      this.pending.set(id, {
        type,
        message,
        resent: false,
        ...(onProgress ? { onProgress } : {}),
        settle: (m) => {
          if (m.type === 'error') reject(inferenceError(m.code, m.message));
          else if (isResponseTo(type, m)) {
            if (type === 'load') this.lastLoad = message;
            resolve(m);
          } else reject(new Error(`the worker answered a ${type} request with ${m.type}`));
        },
      });
      this.worker.postMessage(message);
    });
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'pong') {
      this.pingSentAt = null;
      return;
    }
    if (message.type === 'fatal') return this.replaceWorker(message.reason);
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message);
      return;
    }
    this.pending.delete(message.id);
    pending.settle(message);
  }

  private failAll(error: InferenceError): void {
    for (const [id, p] of this.pending)
      p.settle({ type: 'error', id, code: error.code, message: error.message });
    this.pending.clear();
  }
}

export { CancelledError };
