import type { PolicyInput, ScoreStepsInput, StepSample, StepScore, Value } from '../../core/models';
import { CancelledError, InferenceError } from '../errors';
import type { LoadProgressReport } from './progress-totals';
import type {
  Backend,
  CacheCounters,
  LoadRequest,
  SampleRequest,
  ScoreRequest,
  ScoreStepsRequest,
  SuccessResponse,
  WorkerMessage,
  WorkerRequest,
} from './protocol';

/**
 * The model worker's side of the protocol, with everything a browser gives it passed in, so that
 * it runs in Node against fake models. Model requests run one at a time in arrival order
 * (transformers.js serializes sessions anyway); a cancel drops a queued request or aborts the
 * running one; a ping is answered at once.
 */

/** The models the worker runs requests on: the browser's transformers.js models, or fakes. */
export interface WorkerModels {
  readonly policy: {
    /** `signal` stops the generation between two tokens (it then throws CancelledError). */
    sample(input: PolicyInput, signal: AbortSignal): Promise<StepSample[][]>;
    /** Given steps' log-probabilities (absent where the policy cannot score given text). */
    scoreSteps?(input: ScoreStepsInput): Promise<StepScore[]>;
    /** The prefix cache's counters since the load (absent where the policy has none). */
    cacheCounters?(): CacheCounters;
  };
  /** Undefined for rollouts (run on the page's side) or no value. */
  readonly value: Value | undefined;
  readonly dtype: string;
  readonly names: readonly string[];
  dispose(): Promise<void>;
}

/** Models just loaded, with the backend they run on and why it was chosen (shown to the user). */
export interface LoadedModels {
  readonly models: WorkerModels;
  readonly backend: Backend;
  readonly reason: string;
}

export interface ModelWorkerDeps {
  /** Loads what `request` names; throws (an InferenceError where it can say why) when it cannot. */
  load(request: LoadRequest, onProgress: (p: LoadProgressReport) => void): Promise<LoadedModels>;
  /** Sends a message to the page. */
  post(message: WorkerMessage): void;
  /**
   * Called after each load on WebGPU: `onLost` fires when the device under the models is lost
   * (the worker is unusable then, and says so with `fatal` for the page to replace it).
   */
  watchDeviceLoss(onLost: (reason: string) => void): void;
  /** The clock that times model calls (milliseconds); performance.now by default. */
  now?(): number;
}

export interface ModelWorkerHandler {
  onMessage(request: WorkerRequest): void;
}

type Job = SampleRequest | ScoreRequest | ScoreStepsRequest | LoadRequest;

export function createModelWorkerHandler(deps: ModelWorkerDeps): ModelWorkerHandler {
  const { post } = deps;
  const now = deps.now ?? (() => performance.now());
  let models: WorkerModels | undefined;
  const queue: Job[] = [];
  let running: { id: number; abort: AbortController } | undefined;

  function fail(id: number, e: unknown): void {
    if (e instanceof InferenceError) post({ type: 'error', id, code: e.code, message: e.message });
    else
      post({
        type: 'error',
        id,
        code: 'inference-failed',
        message: e instanceof Error ? e.message : String(e),
      });
  }

  function needModels(): WorkerModels {
    if (!models) throw new InferenceError('not-loaded', 'the models are not loaded yet');
    return models;
  }

  async function load(request: LoadRequest): Promise<SuccessResponse> {
    // Load the new models before letting the old ones go: when loading fails, the old ones still work.
    const next = await deps.load(request, (p) => post({ type: 'progress', id: request.id, ...p }));
    const previous = models;
    models = next.models;
    await previous?.dispose();
    if (next.backend === 'webgpu') deps.watchDeviceLoss((reason) => post({ type: 'fatal', id: 0, reason }));
    return {
      type: 'loaded',
      id: request.id,
      backend: next.backend,
      reason: next.reason,
      dtype: next.models.dtype,
      models: next.models.names,
      hasValue: next.models.value !== undefined,
    };
  }

  async function run(job: Job, signal: AbortSignal): Promise<SuccessResponse> {
    const started = now();
    switch (job.type) {
      case 'load':
        return load(job);
      case 'sample': {
        const { policy } = needModels();
        const samples = await policy.sample(job.input, signal);
        // A cancel that found the request running promises a cancelled answer, even when the
        // policy had already produced its last token.
        if (signal.aborted) throw new CancelledError('generation cancelled');
        const cache = policy.cacheCounters?.();
        return { type: 'samples', id: job.id, samples, ms: now() - started, ...(cache ? { cache } : {}) };
      }
      case 'score': {
        const value = needModels().value;
        if (!value) throw new InferenceError('not-loaded', 'no value model is loaded');
        const scores = await value.score(job.input);
        if (signal.aborted) throw new CancelledError('scoring cancelled');
        return { type: 'scores', id: job.id, scores, ms: now() - started };
      }
      case 'score-steps': {
        const { policy } = needModels();
        if (!policy.scoreSteps)
          throw new InferenceError('bad-request', 'this policy cannot score a given step');
        const scores = await policy.scoreSteps(job.input);
        if (signal.aborted) throw new CancelledError('scoring cancelled');
        return { type: 'step-scores', id: job.id, scores, ms: now() - started };
      }
    }
  }

  async function drain(): Promise<void> {
    if (running) return;
    for (let job = queue.shift(); job; job = queue.shift()) {
      const abort = new AbortController();
      running = { id: job.id, abort };
      try {
        post(await run(job, abort.signal));
      } catch (e) {
        fail(job.id, e);
      } finally {
        running = undefined;
      }
    }
  }

  function cancel(id: number, target: number): void {
    const queued = queue.findIndex((j) => j.id === target);
    if (queued >= 0) {
      queue.splice(queued, 1);
      fail(target, new CancelledError('cancelled before it ran'));
    }
    const inFlight = running?.id === target;
    if (inFlight) running?.abort.abort();
    post({ type: 'cancelled', id, found: queued >= 0 || inFlight });
  }

  return {
    onMessage(request: WorkerRequest): void {
      switch (request.type) {
        case 'ping':
          // Answered at once: the page counts a worker that stays silent as lost.
          post({ type: 'pong', id: request.id });
          return;
        case 'cancel':
          cancel(request.id, request.target);
          return;
        case 'load':
        case 'sample':
        case 'score':
        case 'score-steps':
          queue.push(request);
          void drain();
          return;
      }
    },
  };
}
