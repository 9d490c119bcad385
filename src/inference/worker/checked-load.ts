import { CHECK_TOKENS, deviceCheck, referenceDtype } from '../device-check';
import type { BackendDecision } from './backend-choice';
import { loadBrowserModels, loadReferencePolicy, type BrowserModels } from './browser-models';
import { isHubModel } from './load-errors';
import type { LoadProgressReport } from './progress-totals';
import type { Backend, ModelSpec } from './protocol';

export interface CheckedLoad {
  readonly models: BrowserModels;
  readonly backend: Backend;
  readonly reason: string;
}

/**
 * Loads the models on the backend chosen; a hub policy on WebGPU then passes the device check
 * (a few greedy tokens against the same weights on WASM) or the models load again on WASM, and
 * the reason shown to the user says which and why. The embedded models are fp32 and need none.
 */
export async function loadChecked(
  decision: BackendDecision,
  spec: ModelSpec,
  onProgress: (p: LoadProgressReport) => void,
): Promise<CheckedLoad> {
  const models = await loadBrowserModels(decision, spec, onProgress);
  const swapped =
    spec.dtype === 'q4f16' && models.dtype === 'q4'
      ? `; ${spec.dtype} was asked for, but this GPU lacks shader-f16, so ${models.dtype}`
      : '';
  if (decision.backend !== 'webgpu' || !isHubModel(spec.policy))
    return { models, backend: decision.backend, reason: decision.reason + swapped };
  const dtype = referenceDtype(models.dtype);
  let reference;
  try {
    reference = await loadReferencePolicy(spec, dtype);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      models,
      backend: 'webgpu',
      reason: `${decision.reason}${swapped}; device check skipped: no ${dtype} reference on WASM (${why})`,
    };
  }
  try {
    const verdict = await deviceCheck(models.policyModel, reference);
    if (verdict.ok)
      return {
        models,
        backend: 'webgpu',
        reason: `${decision.reason}${swapped}; device check: ${verdict.total} of ${verdict.total} greedy tokens agree with ${dtype} on WASM`,
      };
    await models.dispose();
    const reason = `the device check found ${models.dtype} on WebGPU disagreeing with ${dtype} on WASM at greedy token ${verdict.agree + 1} of ${CHECK_TOKENS}: running on WASM instead`;
    const wasm: BackendDecision = { backend: 'wasm', f16: false, reason };
    return { models: await loadBrowserModels(wasm, spec, onProgress), backend: 'wasm', reason };
  } finally {
    await reference.dispose();
  }
}
