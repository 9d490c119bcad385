import { ModelClient, type WorkerEvent } from '../inference/worker/model-client';
import type { ModelProvider } from './model-provider';

/** The page's models: one dedicated module worker that owns them (see src/inference/worker/). */
export function createWorkerModelProvider(): ModelProvider {
  const listeners: ((event: WorkerEvent) => void)[] = [];
  // A factory: a worker that crashes, closes or stops answering is replaced by a new one.
  const client = new ModelClient(
    () =>
      new Worker(new URL('../inference/worker/model-worker.ts', import.meta.url), {
        type: 'module',
        name: 'models',
      }),
    { onWorkerEvent: (event) => listeners.forEach((l) => l(event)) },
  );
  return {
    load: async (backend, choice, onProgress) => {
      const value =
        choice.value.kind === 'model' || choice.value.kind === 'self-eval'
          ? choice.value
          : ({ kind: 'none' } as const);
      const loaded = await client.load(
        backend,
        {
          policy: choice.policy,
          value,
          hub: choice.hub,
          prefixCache: choice.prefixCache,
          ...(choice.dtype ? { dtype: choice.dtype } : {}),
        },
        onProgress,
      );
      return {
        backend: loaded.backend,
        reason: loaded.reason,
        dtype: loaded.dtype,
        models: loaded.hasValue ? { policy: client.policy, value: client.value } : { policy: client.policy },
      };
    },
    cancelAll: () => client.cancelAll(),
    cacheCounters: () => client.cache,
    onWorkerEvent: (listener) => void listeners.push(listener),
  };
}
