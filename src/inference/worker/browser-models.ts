import { env, type ProgressInfo } from '@huggingface/transformers';
import type { Value } from '../../core/models';
import { InferenceError } from '../errors';
import { requiredModelFiles } from '../model-files';
import { TransformersPolicy } from '../policy';
import { SelfEvalValue } from '../self-eval-value';
import { loadCausalLm, loadValueModel, type LoadedModel, type ModelDtype } from '../transformers-models';
import { TransformersValue } from '../value';
import type { BackendDecision } from './backend-choice';
import { describeLoadError, isHubModel } from './load-errors';
import { parseLearnedModelId } from '../learned-models';
import { serveLearnedModel } from './learned-serve';
import { forgetPrefetchedFiles, installModelFileCache, prefetchModelFiles } from './model-file-cache';
import { nextTask } from './next-task';
import { configureRuntime, warmUpRuntime } from './ort-runtime';
import { preflight } from './preflight';
import { ProgressTotals, type LoadProgressReport } from './progress-totals';
import type { ModelSpec } from './protocol';

/**
 * Browser-only (the worker): where the models and the ONNX Runtime files come from, which backend
 * runs them, and loading the policy and the value with progress.
 */
let embeddedPath = '/models/';

export function configureBrowserEnv(modelsPath: string): void {
  embeddedPath = modelsPath;
  configureRuntime();
  installModelFileCache(modelsPath);
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

/**
 * The weights follow the device: our small embedded models run fp32 everywhere (WebGPU's kernels
 * lack the 8-bit MatMulInteger in any case); hub models run q4f16 on WebGPU with shader-f16, q4
 * on WebGPU without it, and q8 on WASM.
 */
export function dtypeFor(
  id: string,
  decision: Pick<BackendDecision, 'backend' | 'f16'>,
  requested?: ModelSpec['dtype'],
): ModelDtype {
  // The embedded models are tiny: fp32 runs them faster than 8-bit on the CPU, and exactly the
  // same whatever else is in the batch (8-bit quantizes activations per batch), so the prefix
  // cache grows the very tree a search without it grows.
  if (!isHubModel(id)) return 'fp32';
  // q4f16's float16 kernels need shader-f16 on WebGPU: without it the same 4-bit weights in q4.
  if (requested === 'q4f16' && decision.backend === 'webgpu' && !decision.f16) return 'q4';
  if (requested) return requested;
  if (decision.backend === 'wasm') return 'q8';
  return decision.f16 ? 'q4f16' : 'q4';
}

/**
 * The embedded models' pre-optimized graphs, on WASM only: WebGPU optimizes for its own kernels.
 * Learned models (from the Learn view) have none.
 */
export function optimizedFor(id: string, decision: Pick<BackendDecision, 'backend'>): boolean {
  return !isHubModel(id) && parseLearnedModelId(id) === undefined && decision.backend === 'wasm';
}

export interface BrowserModels {
  readonly policy: TransformersPolicy;
  /** The policy's model itself, for the device check. */
  readonly policyModel: LoadedModel;
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
  // A learned model's files are served from memory for as long as its load takes.
  const withdraw = parseLearnedModelId(id) ? await serveLearnedModel(embeddedPath, id) : undefined;
  try {
    await preflight(id, hub, embeddedPath);
    pointEnvAt(id, hub);
    try {
      return await load();
    } catch (e) {
      throw new InferenceError('load-failed', describeLoadError(e, id, hub));
    }
  } finally {
    withdraw?.();
  }
}

/** The policy again on WASM, in `dtype`: the device check's reference (device-check.ts). */
export function loadReferencePolicy(spec: ModelSpec, dtype: ModelDtype): Promise<LoadedModel> {
  return loadOne(spec.policy, spec.hub, () => loadCausalLm(spec.policy, { dtype, device: 'wasm' }));
}

/** The files transformers.js reads from the embedded models' folders (a causal LM's generation config too). */
function prefetchEmbedded(spec: ModelSpec, decision: BackendDecision): void {
  const files = (id: string) => requiredModelFiles(dtypeFor(id, decision), optimizedFor(id, decision));
  const embedded = (id: string) => !isHubModel(id) && parseLearnedModelId(id) === undefined;
  if (embedded(spec.policy))
    prefetchModelFiles(spec.policy, [...files(spec.policy), 'generation_config.json']);
  if (spec.value.kind === 'model' && embedded(spec.value.id))
    prefetchModelFiles(spec.value.id, files(spec.value.id));
}

export async function loadBrowserModels(
  decision: BackendDecision,
  spec: ModelSpec,
  onProgress: (p: LoadProgressReport) => void,
): Promise<BrowserModels> {
  const dtype = dtypeFor(spec.policy, decision, spec.dtype);
  const totals = new ProgressTotals();
  const options = (id: string) =>
    ({
      dtype: dtypeFor(id, decision, spec.dtype),
      device: decision.backend,
      optimized: optimizedFor(id, decision),
      onProgress: (info: ProgressInfo) => {
        const p = totals.update(info);
        if (p) onProgress(p);
      },
    }) as const;
  const loaded: LoadedModel[] = [];
  const kept = async (id: string, load: () => Promise<LoadedModel>): Promise<LoadedModel> => {
    const model = yielding(await loadOne(id, spec.hub, load));
    loaded.push(model);
    // Read back by the start-up benchmark (scripts/startup-bench.ts).
    performance.mark(`${id} loaded`);
    return model;
  };
  // Settled before this load returns, so that a later load on WebGPU never overlaps it.
  const warm = decision.backend === 'wasm' ? warmUpRuntime() : Promise.resolve();
  prefetchEmbedded(spec, decision);
  try {
    performance.mark('models requested');
    const policyLoad = kept(spec.policy, () => loadCausalLm(spec.policy, options(spec.policy)));
    const valueId = spec.value.kind === 'model' ? spec.value.id : undefined;
    // The value loads beside the policy where both come from the same place (`env` points at one
    // place at a time): its files download while the policy's session is created.
    const valueLoad =
      valueId === undefined
        ? Promise.resolve(undefined)
        : isHubModel(valueId) === isHubModel(spec.policy)
          ? kept(valueId, () => loadValueModel(valueId, options(valueId)))
          : policyLoad.then(() => kept(valueId, () => loadValueModel(valueId, options(valueId))));
    // Both settle before anything is let go, so that a model still loading is not left behind.
    const [policyResult, valueResult] = await Promise.allSettled([policyLoad, valueLoad, warm]);
    if (policyResult.status === 'rejected') throw policyResult.reason;
    if (valueResult.status === 'rejected') throw valueResult.reason;
    const policyModel = policyResult.value;
    const valueModel = valueResult.value;
    let value: Value | undefined;
    if (valueModel) value = new TransformersValue(valueModel, { prefixCache: spec.prefixCache ?? true });
    else if (spec.value.kind === 'self-eval') value = new SelfEvalValue(policyModel);
    return {
      policy: new TransformersPolicy(policyModel, { prefixCache: spec.prefixCache ?? true }),
      policyModel,
      value,
      dtype,
      names: [policyModel, ...(valueModel ? [valueModel] : [])].map((m) => m.name),
      dispose: async () => {
        await Promise.all(loaded.map((m) => m.dispose()));
      },
    };
  } catch (e) {
    // Whatever of this load did arrive is let go; the models loaded before stay in use.
    await Promise.all(loaded.map((m) => m.dispose()));
    throw e;
  } finally {
    forgetPrefetchedFiles();
  }
}
