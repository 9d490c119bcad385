import { env, type ProgressInfo } from '@huggingface/transformers';
import ortWasmFactoryUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasmBinaryUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { Value } from '../../core/models';
import { InferenceError } from '../errors';
import { TransformersPolicy } from '../policy';
import { SelfEvalValue } from '../self-eval-value';
import { loadCausalLm, loadValueModel, type LoadedModel, type ModelDtype } from '../transformers-models';
import { TransformersValue } from '../value';
import { describeLoadError, isHubModel } from './load-errors';
import { nextTask } from './next-task';
import { preflight } from './preflight';
import { ProgressTotals, type LoadProgressReport } from './progress-totals';
import type { Backend, BackendChoice, ModelSpec } from './protocol';

/**
 * Browser-only (the worker): where the models and the ONNX Runtime files come from, which backend
 * runs them, and loading the policy and the value with progress.
 */
let embeddedPath = '/models/';

export function configureBrowserEnv(modelsPath: string): void {
  embeddedPath = modelsPath;
  // transformers.js points ONNX Runtime at a CDN by default; the app serves these files itself so
  // that it works with no network at all.
  const onnx = env.backends.onnx;
  if (onnx.wasm) onnx.wasm.wasmPaths = { mjs: ortWasmFactoryUrl, wasm: ortWasmBinaryUrl };
}

/** Embedded models come from the app, hub models from the hub (and then the browser's cache). */
function pointEnvAt(id: string, hub: string): void {
  const remote = isHubModel(id);
  env.allowLocalModels = !remote;
  env.allowRemoteModels = remote;
  env.localModelPath = embeddedPath;
  env.remoteHost = hub.endsWith('/') ? hub : `${hub}/`;
  env.remotePathTemplate = '{model}/resolve/{revision}/';
}

export interface BackendDecision {
  readonly backend: Backend;
  readonly reason: string;
  /** WebGPU with the shader-f16 feature (q4f16 weights need it). */
  readonly f16: boolean;
}

/** WebGPU when the browser gives an adapter, WASM otherwise; the reason is shown to the user. */
export async function chooseBackend(choice: BackendChoice): Promise<BackendDecision> {
  if (choice === 'wasm') return { backend: 'wasm', reason: 'WASM was chosen in the settings', f16: false };
  const gpu = typeof navigator !== 'undefined' ? navigator.gpu : undefined;
  const noGpu = (why: string): BackendDecision => {
    if (choice === 'webgpu') throw new InferenceError('load-failed', `WebGPU was asked for, but ${why}`);
    return { backend: 'wasm', reason: `${why}: running on WASM`, f16: false };
  };
  if (!gpu) return noGpu('this browser has no WebGPU (navigator.gpu is missing)');
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (e) {
    return noGpu(`requesting a WebGPU adapter failed (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!adapter) return noGpu('navigator.gpu gave no adapter');
  const { vendor, architecture } = adapter.info;
  const name = [vendor, architecture].filter((s) => s).join(' ') || 'unnamed adapter';
  const fallback = adapter.info.isFallbackAdapter ? ', a software fallback' : '';
  return {
    backend: 'webgpu',
    reason: `WebGPU adapter: ${name}${fallback}`,
    f16: adapter.features.has('shader-f16'),
  };
}

/**
 * The weights follow the device: our small embedded models run fp32 everywhere (WebGPU's kernels
 * lack the 8-bit MatMulInteger in any case); hub models run q4f16 on WebGPU with shader-f16, q4
 * on WebGPU without it, and q8 on WASM.
 */
export function dtypeFor(id: string, decision: Pick<BackendDecision, 'backend' | 'f16'>): ModelDtype {
  // The embedded models are tiny: fp32 runs them faster than 8-bit on the CPU, and exactly the
  // same whatever else is in the batch (8-bit quantizes activations per batch), so the prefix
  // cache grows the very tree a search without it grows.
  if (!isHubModel(id)) return 'fp32';
  if (decision.backend === 'wasm') return 'q8';
  return decision.f16 ? 'q4f16' : 'q4';
}

export interface BrowserModels {
  readonly policy: TransformersPolicy;
  /** Undefined for rollouts (run on the page's side) or no value. */
  readonly value: Value | undefined;
  readonly dtype: ModelDtype;
  readonly names: readonly string[];
  dispose(): Promise<void>;
}

/**
 * The model with the worker's event loop let turn after each forward pass, so that a heartbeat
 * or a cancel sent meanwhile is read between two passes rather than after the whole request.
 */
function yielding(model: LoadedModel): LoadedModel {
  return {
    ...model,
    forward: async (inputs) => {
      const out = await model.forward(inputs);
      await nextTask();
      return out;
    },
  };
}

async function loadOne<T>(id: string, hub: string, load: () => Promise<T>): Promise<T> {
  await preflight(id, hub, embeddedPath);
  pointEnvAt(id, hub);
  try {
    return await load();
  } catch (e) {
    throw new InferenceError('load-failed', describeLoadError(e, id, hub));
  }
}

export async function loadBrowserModels(
  decision: BackendDecision,
  spec: ModelSpec,
  onProgress: (p: LoadProgressReport) => void,
): Promise<BrowserModels> {
  const dtype = dtypeFor(spec.policy, decision);
  const totals = new ProgressTotals();
  const options = (id: string) =>
    ({
      dtype: dtypeFor(id, decision),
      device: decision.backend,
      onProgress: (info: ProgressInfo) => {
        const p = totals.update(info);
        if (p) onProgress(p);
      },
    }) as const;
  const loaded: LoadedModel[] = [];
  try {
    const policyModel = yielding(
      await loadOne(spec.policy, spec.hub, () => loadCausalLm(spec.policy, options(spec.policy))),
    );
    loaded.push(policyModel);
    let value: Value | undefined;
    if (spec.value.kind === 'model') {
      const id = spec.value.id;
      const valueModel = yielding(await loadOne(id, spec.hub, () => loadValueModel(id, options(id))));
      loaded.push(valueModel);
      value = new TransformersValue(valueModel, { prefixCache: spec.prefixCache ?? true });
    } else if (spec.value.kind === 'self-eval') {
      value = new SelfEvalValue(policyModel);
    }
    return {
      policy: new TransformersPolicy(policyModel, { prefixCache: spec.prefixCache ?? true }),
      value,
      dtype,
      names: loaded.map((m) => m.name),
      dispose: async () => {
        await Promise.all(loaded.map((m) => m.dispose()));
      },
    };
  } catch (e) {
    // Whatever of this load did arrive is let go; the models loaded before stay in use.
    await Promise.all(loaded.map((m) => m.dispose()));
    throw e;
  }
}
