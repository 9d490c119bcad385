import { ModelClient } from '../inference/worker/model-client';
import type { ModelProvider } from './model-provider';

/** The page's models: one dedicated module worker that owns them (see src/inference/worker/). */
export function createWorkerModelProvider(): ModelProvider {
  const client = new ModelClient(
    new Worker(new URL('../inference/worker/model-worker.ts', import.meta.url), {
      type: 'module',
      name: 'models',
    }),
  );
  return {
    load: async (backend, onProgress) => {
      const loaded = await client.load(backend, onProgress);
      return {
        backend: loaded.backend,
        reason: loaded.reason,
        dtype: loaded.dtype,
        models: { policy: client.policy, value: client.value },
      };
    },
    cancelAll: () => client.cancelAll(),
  };
}
