/// <reference lib="webworker" />
import { CancelledError, InferenceError } from '../errors';
import { chooseBackend, configureBrowserEnv, loadBrowserModels, type BrowserModels } from './browser-models';
import { watchGpuDevice } from './gpu-device';
import type {
  LoadRequest,
  SampleRequest,
  ScoreRequest,
  SuccessResponse,
  WorkerMessage,
  WorkerRequest,
} from './protocol';

/**
 * The model worker: owns the policy and value models, so the page's main thread never runs a
 * model. Model requests run one at a time in arrival order (transformers.js serializes sessions
 * anyway); a cancel drops a queued request or aborts the running generation between two tokens.
 */
declare const self: DedicatedWorkerGlobalScope;

// A path, not a full URL: transformers.js only checks local files for paths (a URL counts as remote).
configureBrowserEnv(`${import.meta.env.BASE_URL}models/`);

let models: BrowserModels | undefined;
type Job = SampleRequest | ScoreRequest | LoadRequest;
const queue: Job[] = [];
let running: { id: number; abort: AbortController } | undefined;

function post(message: WorkerMessage): void {
  self.postMessage(message);
}

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

function needModels(): BrowserModels {
  if (!models) throw new InferenceError('not-loaded', 'the models are not loaded yet');
  return models;
}

async function load(request: LoadRequest): Promise<SuccessResponse> {
  const decision = await chooseBackend(request.backend);
  // Load the new models before letting the old ones go: when loading fails, the old ones still work.
  const next = await loadBrowserModels(decision, request.models, (p) =>
    post({ type: 'progress', id: request.id, ...p }),
  );
  const previous = models;
  models = next;
  await previous?.dispose();
  if (decision.backend === 'webgpu') watchGpuDevice((reason) => post({ type: 'fatal', id: 0, reason }));
  const { backend, reason } = decision;
  return {
    type: 'loaded',
    id: request.id,
    backend,
    reason,
    dtype: next.dtype,
    models: next.names,
    hasValue: next.value !== undefined,
  };
}

async function run(job: Job, signal: AbortSignal): Promise<SuccessResponse> {
  const started = performance.now();
  switch (job.type) {
    case 'load':
      return load(job);
    case 'sample': {
      const samples = await needModels().policy.sample(job.input, signal);
      return { type: 'samples', id: job.id, samples, ms: performance.now() - started };
    }
    case 'score': {
      const value = needModels().value;
      if (!value) throw new InferenceError('not-loaded', 'no value model is loaded');
      const scores = await value.score(job.input);
      if (signal.aborted) throw new CancelledError('scoring cancelled');
      return { type: 'scores', id: job.id, scores, ms: performance.now() - started };
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

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
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
      queue.push(request);
      void drain();
      return;
  }
});
