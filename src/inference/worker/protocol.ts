import type { PolicyInput, ScoreStepsInput, StepSample, StepScore, ValueInput } from '../../core/models';
import type { InferenceErrorCode } from '../errors';

/**
 * The typed message protocol between the page and the model worker. Requests and responses are
 * discriminated unions on `type`; every request carries an id that its response repeats, and
 * `ResponseFor` ties each request type to its one success response, so no handler casts.
 * Progress and errors are messages too.
 */
export type Backend = 'webgpu' | 'wasm';
export type BackendChoice = Backend | 'auto';

/**
 * Which models to load. Ids without a slash are the embedded models the app serves; ids with one
 * are hub models (`owner/name`), fetched from `hub` and cached by the browser.
 */
export interface ModelSpec {
  readonly policy: string;
  /** A value model id, self-evaluation by the policy, or none (rollouts run on the page's side). */
  readonly value:
    | { readonly kind: 'model'; readonly id: string }
    | { readonly kind: 'self-eval' }
    | { readonly kind: 'none' };
  /** The hub's address, e.g. https://huggingface.co. */
  readonly hub: string;
  /** Keep the models' keys/values of contexts seen before (default on). */
  readonly prefixCache?: boolean;
  /** Hub models' weights, when the user picked them (else by the device: browser-models.ts). */
  readonly dtype?: 'q8' | 'q4' | 'q4f16' | 'fp32';
}

export interface LoadRequest {
  readonly type: 'load';
  readonly id: number;
  readonly backend: BackendChoice;
  readonly models: ModelSpec;
}
export interface SampleRequest {
  readonly type: 'sample';
  readonly id: number;
  readonly input: PolicyInput;
}
export interface ScoreRequest {
  readonly type: 'score';
  readonly id: number;
  readonly input: ValueInput;
}
/** The policy's log-probability of given steps (a step written by hand). */
export interface ScoreStepsRequest {
  readonly type: 'score-steps';
  readonly id: number;
  readonly input: ScoreStepsInput;
}
/** Stops the request `target` (in flight or queued); answered by `cancelled`. */
export interface CancelRequest {
  readonly type: 'cancel';
  readonly id: number;
  readonly target: number;
}
/** The page's heartbeat: answered by `pong` at once, even while a model call runs. */
export interface PingRequest {
  readonly type: 'ping';
  readonly id: number;
}
export type WorkerRequest =
  LoadRequest | SampleRequest | ScoreRequest | ScoreStepsRequest | CancelRequest | PingRequest;
export type RequestType = WorkerRequest['type'];

export interface LoadedResponse {
  readonly type: 'loaded';
  readonly id: number;
  readonly backend: Backend;
  /** Why this backend: the adapter found, or why WebGPU was not used. */
  readonly reason: string;
  readonly dtype: string;
  readonly models: readonly string[];
  /** Whether the worker scores traces (a value model or self-evaluation). */
  readonly hasValue: boolean;
}
/** The policy's prefix cache since its load: prompt tokens reused, and prompt tokens computed. */
export interface CacheCounters {
  readonly hitTokens: number;
  readonly prefillTokens: number;
}

export interface SamplesResponse {
  readonly type: 'samples';
  readonly id: number;
  readonly samples: StepSample[][];
  readonly cache?: CacheCounters;
  /** Milliseconds inside the model, for the status line. */
  readonly ms: number;
}
export interface ScoresResponse {
  readonly type: 'scores';
  readonly id: number;
  readonly scores: number[];
  readonly ms: number;
}
export interface StepScoresResponse {
  readonly type: 'step-scores';
  readonly id: number;
  readonly scores: StepScore[];
  readonly ms: number;
}
export interface CancelledResponse {
  readonly type: 'cancelled';
  readonly id: number;
  /** Whether the target was still running or queued when the cancel arrived. */
  readonly found: boolean;
}
export interface PongResponse {
  readonly type: 'pong';
  readonly id: number;
}
/**
 * The worker can no longer run its models (the WebGPU device was lost): the page replaces it. Not
 * tied to a request (id 0).
 */
export interface FatalMessage {
  readonly type: 'fatal';
  readonly id: 0;
  readonly reason: string;
}
/** Loading progress of request `id`, per file and in total (0..1 each). */
export interface ProgressMessage {
  readonly type: 'progress';
  readonly id: number;
  readonly file: string;
  readonly fileProgress: number;
  readonly totalProgress: number;
  readonly loadedBytes: number;
  readonly totalBytes: number;
}
export interface ErrorMessage {
  readonly type: 'error';
  readonly id: number;
  readonly code: InferenceErrorCode;
  readonly message: string;
}

export interface ResponseFor {
  load: LoadedResponse;
  sample: SamplesResponse;
  score: ScoresResponse;
  'score-steps': StepScoresResponse;
  cancel: CancelledResponse;
  ping: PongResponse;
}
export type SuccessResponse = ResponseFor[RequestType];
export type WorkerMessage = SuccessResponse | ProgressMessage | ErrorMessage | FatalMessage;

/** The success response type that answers each request type. */
const ANSWER: { readonly [T in RequestType]: ResponseFor[T]['type'] } = {
  load: 'loaded',
  sample: 'samples',
  score: 'scores',
  'score-steps': 'step-scores',
  cancel: 'cancelled',
  ping: 'pong',
};

/** Narrows a worker message to the success response of request type `type`. */
export function isResponseTo<T extends RequestType>(
  type: T,
  message: WorkerMessage,
): message is ResponseFor[T] {
  return message.type === ANSWER[type];
}
