import type { SessionModels } from '../core/session';
import type { WorkerEvent } from '../inference/worker/model-client';
import type { Backend, CacheCounters } from '../inference/worker/protocol';
import type { BackendSetting } from './setup';
import type { ModelChoice } from './setup-validate';

/**
 * Where the store gets its models: the model worker in the page (worker-model-provider.ts), or
 * scripted fakes in the store's unit tests.
 */
export interface LoadProgress {
  readonly file: string;
  readonly fileProgress: number;
  readonly totalProgress: number;
  readonly loadedBytes?: number;
  readonly totalBytes?: number;
}

export interface LoadedModels {
  /** Where the models run: 'server' when the only ones are on a server engine. */
  readonly backend: Backend | 'server';
  readonly reason: string;
  readonly dtype: string;
  readonly models: SessionModels;
}

export interface ModelProvider {
  /** Rollouts are not loaded: they run on the page's side over the policy (value left undefined). */
  load(
    backend: BackendSetting,
    models: ModelChoice,
    onProgress: (p: LoadProgress) => void,
  ): Promise<LoadedModels>;
  /** Stops every model request in flight; they reject with CancelledError. */
  cancelAll(): void;
  /** What happens to the worker that runs the models (lost, restarted); absent where none. */
  onWorkerEvent?(listener: (event: WorkerEvent) => void): void;
  /** The page's policy's prefix-cache counters since its load; absent or null where unknown. */
  cacheCounters?(): CacheCounters | null;
}
