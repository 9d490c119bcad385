import { CompletionsClient } from '../inference/openai/completions-client';
import { probeEngine } from '../inference/openai/engine-probe';
import { OpenAiPolicy } from '../inference/openai/openai-policy';
import { OpenAiSelfEval } from '../inference/openai/openai-self-eval';
import type { LoadedModels, ModelProvider } from './model-provider';
import type { ModelChoice } from './setup-validate';

/**
 * The server engine beside the page's models: a choice with `engine` gets its policy from an
 * OpenAI-compatible server (probed on load: is the model served, do `n` and `logprobs` work), and
 * self-evaluation there too; a value model still loads in the page's worker, and rollouts run on
 * the page's side over the server's policy. Any other choice goes to `inner` unchanged.
 * `apiKey` is read at each load, from memory (engine-key.ts): never from the URL.
 */
export function withServerEngine(inner: ModelProvider, apiKey: () => string): ModelProvider {
  let client: CompletionsClient | null = null;
  return {
    load: async (backend, choice, onProgress): Promise<LoadedModels> => {
      client?.cancelAll();
      client = null;
      const { engine, ...local } = choice;
      if (!engine) return inner.load(backend, choice, onProgress);
      const key = apiKey();
      const server = new CompletionsClient({ ...engine, ...(key ? { apiKey: key } : {}) });
      client = server;
      const capabilities = await probeEngine(server);
      const policy = new OpenAiPolicy(server, capabilities);
      const said = [`policy on ${engine.model} at ${server.base}`, ...capabilities.notes];
      if (choice.value.kind === 'model') {
        // The value model is one of the page's: the worker loads it (with the task's own policy).
        const loaded = await inner.load(backend, local satisfies ModelChoice, onProgress);
        return {
          ...loaded,
          reason: [...said, `value model on ${loaded.backend}: ${loaded.reason}`].join('; '),
          models: { policy, ...(loaded.models.value ? { value: loaded.models.value } : {}) },
        };
      }
      const value = choice.value.kind === 'self-eval' ? new OpenAiSelfEval(server) : undefined;
      if (value) said.push('self-evaluation on the server too');
      return {
        backend: 'server',
        reason: said.join('; '),
        dtype: 'server',
        models: value ? { policy, value } : { policy },
      };
    },
    cancelAll: () => {
      inner.cancelAll();
      client?.cancelAll();
    },
    ...(inner.onWorkerEvent ? { onWorkerEvent: inner.onWorkerEvent.bind(inner) } : {}),
    // On a server the prefix cache is the server's own (vLLM's automatic prefix caching).
    cacheCounters: () => (client ? null : (inner.cacheCounters?.() ?? null)),
  };
}
