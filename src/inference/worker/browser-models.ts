import { env, type ProgressInfo } from '@huggingface/transformers';
import ortWasmFactoryUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasmBinaryUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { InferenceError } from '../errors';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE } from '../model-files';
import { TransformersPolicy } from '../policy';
import { loadCausalLm, loadValueModel, type LoadedModel, type ModelDtype } from '../transformers-models';
import { TransformersValue } from '../value';
import type { Backend, BackendChoice } from './protocol';

/**
 * Browser-only (the worker): where the models and the ONNX Runtime files come from, which backend
 * runs them, and loading both embedded models with progress.
 */
export function configureBrowserEnv(modelsUrl: string): void {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = modelsUrl;
  // transformers.js points ONNX Runtime at a CDN by default; the app serves these files itself so
  // that it works with no network at all.
  const onnx = env.backends.onnx;
  if (onnx.wasm) onnx.wasm.wasmPaths = { mjs: ortWasmFactoryUrl, wasm: ortWasmBinaryUrl };
}

export interface BackendDecision {
  readonly backend: Backend;
  readonly reason: string;
}

/** WebGPU when the browser gives an adapter, WASM otherwise; the reason is shown to the user. */
export async function chooseBackend(choice: BackendChoice): Promise<BackendDecision> {
  if (choice === 'wasm') return { backend: 'wasm', reason: 'WASM was chosen in the settings' };
  const gpu = typeof navigator !== 'undefined' ? navigator.gpu : undefined;
  const noGpu = (why: string): BackendDecision => {
    if (choice === 'webgpu') throw new InferenceError('load-failed', `WebGPU was asked for, but ${why}`);
    return { backend: 'wasm', reason: `${why}: running on WASM` };
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
  return { backend: 'webgpu', reason: `WebGPU adapter: ${name}${fallback}` };
}

/** 8-bit weights on WASM (fastest there); fp32 on WebGPU, whose kernels lack the 8-bit MatMulInteger. */
export function dtypeFor(backend: Backend): ModelDtype {
  return backend === 'webgpu' ? 'fp32' : 'q8';
}

export interface BrowserModels {
  readonly policy: TransformersPolicy;
  readonly value: TransformersValue;
  readonly dtype: ModelDtype;
  readonly names: readonly string[];
  dispose(): Promise<void>;
}

/** Byte progress over every file of both models, as one total. */
class ProgressTotals {
  private readonly files = new Map<string, { loaded: number; total: number }>();

  update(info: ProgressInfo): { file: string; fileProgress: number; totalProgress: number } | undefined {
    if (info.status !== 'progress' && info.status !== 'done') return undefined;
    const key = `${info.name}/${info.file}`;
    const seen = this.files.get(key) ?? { loaded: 0, total: 0 };
    const next =
      info.status === 'progress'
        ? { loaded: info.loaded, total: info.total }
        : { loaded: Math.max(seen.total, seen.loaded), total: Math.max(seen.total, seen.loaded) };
    this.files.set(key, next);
    let loaded = 0;
    let total = 0;
    for (const f of this.files.values()) {
      loaded += f.loaded;
      total += f.total;
    }
    return {
      file: key,
      fileProgress: next.total > 0 ? next.loaded / next.total : 1,
      totalProgress: total > 0 ? loaded / total : 0,
    };
  }
}

export async function loadBrowserModels(
  backend: Backend,
  onProgress: (p: { file: string; fileProgress: number; totalProgress: number }) => void,
): Promise<BrowserModels> {
  const dtype = dtypeFor(backend);
  const totals = new ProgressTotals();
  const options = {
    dtype,
    device: backend,
    onProgress: (info: ProgressInfo) => {
      const p = totals.update(info);
      if (p) onProgress(p);
    },
  } as const;
  let loaded: LoadedModel[];
  try {
    loaded = await Promise.all([
      loadCausalLm(COUNTDOWN_POLICY, options),
      loadValueModel(COUNTDOWN_VALUE, options),
    ]);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new InferenceError('load-failed', `loading the embedded models on ${backend} failed: ${why}`);
  }
  const [policyModel, valueModel] = loaded;
  if (!policyModel || !valueModel) throw new InferenceError('load-failed', 'a model did not load');
  return {
    policy: new TransformersPolicy(policyModel),
    value: new TransformersValue(valueModel),
    dtype,
    names: [COUNTDOWN_POLICY, COUNTDOWN_VALUE],
    dispose: async () => {
      await Promise.all([policyModel.dispose(), valueModel.dispose()]);
    },
  };
}
