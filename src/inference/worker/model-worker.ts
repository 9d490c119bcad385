/// <reference lib="webworker" />
import { chooseBackend } from './backend-choice';
import { createBackendProbe } from './backend-probe';
import { configureBrowserEnv } from './browser-models';
import { loadChecked } from './checked-load';
import { watchGpuDevice } from './gpu-device';
import { createModelWorkerHandler } from './model-worker-handler';
import { createProbeMemo } from './probe-memo';
import type { WorkerRequest } from './protocol';

/**
 * The model worker: owns the policy and value models, so the page's main thread never runs a
 * model. This entry only wires the browser in (transformers.js models, the WebGPU device, the
 * worker's messages); the protocol's logic lives in model-worker-handler.ts, tested in Node.
 */
declare const self: DedicatedWorkerGlobalScope;

// A path, not a full URL: transformers.js only checks local files for paths (a URL counts as remote).
const modelsPath = `${import.meta.env.BASE_URL}models/`;
configureBrowserEnv(modelsPath);
const probe = createBackendProbe(modelsPath);
const memo = createProbeMemo();

const handler = createModelWorkerHandler({
  load: async (request, onProgress) => {
    const gpu = typeof navigator !== 'undefined' ? navigator.gpu : undefined;
    const decision = await chooseBackend(request.backend, { gpu, models: request.models, probe, memo });
    return loadChecked(decision, request.models, onProgress);
  },
  post: (message) => self.postMessage(message),
  watchDeviceLoss: watchGpuDevice,
});

self.onmessage = (event: MessageEvent<WorkerRequest>) => handler.onMessage(event.data);
