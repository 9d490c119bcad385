import type { StateCreator } from 'zustand';
import { CancelledError } from '../inference/errors';
import type { LoadedModels } from './model-provider';
import { catalogueEntry, displayDtype, fitsDevice } from './catalogue';
import { pendingDownload } from './download-confirm';
import { modelChoice, type ModelChoice } from './setup-validate';
import type { SetupErrors } from './setup';
import type { ModelsSlice, PlaygroundState, StoreDeps } from './store-types';

/** The loaded models live here, outside the state: they are not data to render. */
export interface ModelHolder {
  current: LoadedModels | null;
}

/** Why a catalogue model will not fit this device at the dtype it would load with, if so. */
function tooBigFor(
  id: string,
  backend: 'webgpu' | 'wasm',
  deps: StoreDeps,
  requested?: ModelChoice['dtype'],
): string | null {
  const entry = catalogueEntry(id);
  const size = entry?.sizesMb[displayDtype(id, backend, false, requested)];
  if (size === undefined) return null;
  const why = fitsDevice(size, {
    backend,
    ...(deps.deviceMemoryGb?.() !== undefined ? { memoryGb: deps.deviceMemoryGb() } : {}),
  });
  return why ? `${id} is too big for this device: ${why}. Pick a smaller model.` : null;
}

export function createModelsSlice(
  deps: StoreDeps,
  holder: ModelHolder,
): StateCreator<PlaygroundState, [], [], ModelsSlice> {
  let loads = 0;
  // Hub models the user agreed to download (or that loaded once): not asked about again.
  const confirmed = new Set<string>();
  return (set, get) => {
    // The worker that runs the models was lost and replaced: the in-flight requests went to the
    // new one, so the search goes on by itself; the user is told what happened.
    deps.provider.onWorkerEvent?.((event) => {
      if (event.kind === 'lost') {
        set({
          workerNote: {
            state: 'restarting',
            text: `The model worker stopped (${event.reason}): starting a new one and loading the models again…`,
          },
        });
      } else if (event.kind === 'restored') {
        set({
          workerNote: {
            state: 'restored',
            text: `The model worker stopped (${event.reason}); a new one loaded the models again and the search went on from its tree.`,
          },
          backend: event.loaded.backend,
          backendReason: event.loaded.reason,
          dtype: event.loaded.dtype,
        });
      } else {
        set({
          workerNote: {
            state: 'failed',
            text: `The model worker stopped and could not be restarted: ${event.reason}`,
          },
          modelStatus: 'error',
          modelError: event.reason,
        });
      }
    });
    return {
      workerNote: null,
      dismissWorkerNote: () => set({ workerNote: null }),
      modelStatus: 'idle',
      pendingDownload: null,
      confirmDownload: () => {
        const pending = get().pendingDownload;
        if (!pending) return;
        for (const id of pending.ids) confirmed.add(id);
        void get().loadModels();
      },
      backend: null,
      backendReason: '',
      dtype: '',
      progress: null,
      modelError: null,
      loadedModels: null,
      loadingModels: null,
      sessionModels: () => holder.current?.models ?? null,
      prefixReuse: () => {
        const c = deps.provider.cacheCounters?.();
        const total = c ? c.hitTokens + c.prefillTokens : 0;
        return c && total > 0 ? c.hitTokens / total : null;
      },
      loadModels: async (backend) => {
        const choice = backend ?? get().setup.backend;
        const errors: SetupErrors = {};
        const models = modelChoice(get().setup, errors);
        // A bad model id or hub address is shown beside its field; nothing is fetched for it.
        if (errors.policy || errors.value || errors.hub || errors.engineBase || errors.engineModel) return;
        // The device the sizes are judged for: the backend asked for, or the page's one in use.
        const inUse = get().backend;
        const device = choice === 'webgpu' ? 'webgpu' : inUse === 'webgpu' ? 'webgpu' : 'wasm';
        const tooBig = tooBigFor(models.policy, device, deps, models.dtype);
        const mine = ++loads;
        if (tooBig) {
          // Refused before any download. The models held stay loaded for a setup that names them,
          // but the status speaks of the setup's models: these cannot be had.
          set({ modelError: tooBig, modelStatus: 'error', pendingDownload: null, progress: null });
          return;
        }
        let pending = pendingDownload(models, device, confirmed);
        if (pending && deps.isDownloaded) {
          // Models this browser already holds load without asking (nothing is downloaded).
          const held = await Promise.all(pending.ids.map((id) => deps.isDownloaded?.(id, models.hub)));
          pending.ids.forEach((id, i) => held[i] && confirmed.add(id));
          if (mine !== loads) return;
          pending = pendingDownload(models, device, confirmed);
        }
        if (pending) {
          // Hundreds of megabytes are not fetched unasked: the user sees the size and agrees first.
          set({ modelStatus: 'confirm', pendingDownload: pending, modelError: null, progress: null });
          return;
        }
        set({
          modelStatus: 'loading',
          modelError: null,
          progress: null,
          pendingDownload: null,
          loadingModels: models.policy,
        });
        try {
          const loaded = await deps.provider.load(choice, models, (progress) => {
            if (mine === loads) set({ progress });
          });
          if (mine !== loads) return;
          holder.current = loaded;
          for (const id of [models.policy, ...(models.value.kind === 'model' ? [models.value.id] : [])])
            confirmed.add(id);
          set({
            modelStatus: 'ready',
            backend: loaded.backend,
            backendReason: loaded.reason,
            dtype: loaded.dtype,
            progress: null,
            loadedModels: { ...models, key: JSON.stringify(models) },
          });
          get().reset();
        } catch (e) {
          if (mine !== loads || e instanceof CancelledError) return;
          // The models held before stay loaded (a setup naming them again gets them back at once),
          // but the status is about the setup's models, which failed: never "ready" beside the error.
          set({
            modelStatus: 'error',
            modelError: e instanceof Error ? e.message : String(e),
            progress: null,
          });
        }
      },
    };
  };
}
