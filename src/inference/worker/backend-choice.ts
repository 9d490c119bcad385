import { InferenceError } from '../errors';
import { isHubModel } from './load-errors';
import type { Backend, BackendChoice, ModelSpec } from './protocol';

/**
 * Which backend runs the models, and the reason shown to the user. Pure: the browser's WebGPU
 * and the timing of both backends come in as dependencies, so the rules run in Node with fakes.
 *
 * - `wasm` runs on WASM; `webgpu` runs on whatever adapter there is (the user asked), and fails
 *   when there is none.
 * - `auto` never runs on a software adapter (SwiftShader, llvmpipe, ...): WASM is tens of times
 *   faster there. Hub models on a hardware adapter run on WebGPU (they are large enough for a GPU
 *   to win). The small embedded models are timed on both backends (once per adapter, remembered)
 *   and run on the faster: a GPU's per-pass overhead often loses to WASM at this size.
 */
export interface BackendDecision {
  readonly backend: Backend;
  readonly reason: string;
  /** WebGPU with the shader-f16 feature (q4f16 weights need it). */
  readonly f16: boolean;
}

/** The part of a WebGPU adapter the choice reads (GPUAdapter has it; tests pass fakes). */
export interface AdapterLike {
  readonly info: {
    readonly vendor: string;
    readonly architecture: string;
    readonly device?: string;
    readonly description: string;
    readonly isFallbackAdapter?: boolean;
  };
  readonly features: { has(feature: string): boolean };
}

export interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

/** Milliseconds per forward pass of the embedded policy on each backend. */
export interface ProbeResult {
  readonly wasm: number;
  readonly webgpu: number;
}

/** Probe results kept per adapter and policy, so that a reload does not time the backends again. */
export interface ProbeMemo {
  get(key: string): Promise<ProbeResult | undefined>;
  set(key: string, result: ProbeResult): Promise<void>;
}

export interface BackendChoiceDeps {
  /** `navigator.gpu`; undefined where the browser has no WebGPU. */
  readonly gpu: GpuLike | undefined;
  /** The models about to load: hub models skip the probe. */
  readonly models: ModelSpec;
  /** Times the embedded policy on both backends; called only for `auto` on a hardware adapter. */
  probe(policy: string): Promise<ProbeResult>;
  readonly memo?: ProbeMemo;
}

const SOFTWARE: readonly (readonly [RegExp, string])[] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/lavapipe/i, 'lavapipe'],
  [/microsoft basic render/i, 'Microsoft Basic Render Driver'],
];

export function adapterName(adapter: AdapterLike): string {
  const { vendor, architecture } = adapter.info;
  return [vendor, architecture].filter((s) => s).join(' ') || 'unnamed adapter';
}

/** The software renderer behind an adapter (its name), or undefined for a hardware adapter. */
export function softwareRenderer(adapter: AdapterLike): string | undefined {
  const { vendor, architecture, device = '', description } = adapter.info;
  const text = [vendor, architecture, device, description].join(' ');
  const known = SOFTWARE.find(([pattern]) => pattern.test(text));
  if (known) return known[1];
  return adapter.info.isFallbackAdapter ? `a fallback adapter, ${adapterName(adapter)}` : undefined;
}

/** What a probe result is remembered under: the adapter and the model timed on it. */
export function probeKey(adapter: AdapterLike, policy: string): string {
  const { vendor, architecture, device = '', description } = adapter.info;
  return JSON.stringify([vendor, architecture, device, description, policy]);
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;

function fromProbe(adapter: AdapterLike, times: ProbeResult, remembered: boolean): BackendDecision {
  const gpuWins = times.webgpu < times.wasm;
  const winner = gpuWins ? `WebGPU (${adapterName(adapter)})` : 'WASM';
  const when = remembered ? ' (measured earlier on this adapter)' : '';
  return {
    backend: gpuWins ? 'webgpu' : 'wasm',
    reason: `WASM ${ms(times.wasm)} vs WebGPU ${ms(times.webgpu)} per pass on the embedded policy${when}: ${winner}`,
    f16: gpuWins && adapter.features.has('shader-f16'),
  };
}

async function timed(adapter: AdapterLike, deps: BackendChoiceDeps): Promise<BackendDecision> {
  const key = probeKey(adapter, deps.models.policy);
  const known = await deps.memo?.get(key);
  if (known) return fromProbe(adapter, known, true);
  let times: ProbeResult;
  try {
    times = await deps.probe(deps.models.policy);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { backend: 'wasm', reason: `timing the backends failed (${why}): running on WASM`, f16: false };
  }
  await deps.memo?.set(key, times);
  return fromProbe(adapter, times, false);
}

/** The adapter, or why there is none. */
async function findAdapter(gpu: GpuLike | undefined): Promise<AdapterLike | string> {
  if (!gpu) return 'this browser has no WebGPU (navigator.gpu is missing)';
  try {
    return (await gpu.requestAdapter()) ?? 'navigator.gpu gave no adapter';
  } catch (e) {
    return `requesting a WebGPU adapter failed (${e instanceof Error ? e.message : String(e)})`;
  }
}

export async function chooseBackend(
  choice: BackendChoice,
  deps: BackendChoiceDeps,
): Promise<BackendDecision> {
  if (choice === 'wasm') return { backend: 'wasm', reason: 'WASM was chosen in the settings', f16: false };
  const noGpu = (why: string): BackendDecision => {
    if (choice === 'webgpu') throw new InferenceError('load-failed', `WebGPU was asked for, but ${why}`);
    return { backend: 'wasm', reason: `${why}: running on WASM`, f16: false };
  };
  const adapter = await findAdapter(deps.gpu);
  if (typeof adapter === 'string') return noGpu(adapter);
  const software = softwareRenderer(adapter);
  const onGpu = (note: string): BackendDecision => ({
    backend: 'webgpu',
    reason: `WebGPU adapter: ${adapterName(adapter)}${note}`,
    f16: adapter.features.has('shader-f16'),
  });
  if (choice === 'webgpu')
    return onGpu(software ? `, a software renderer (${software}): WASM is faster here` : '');
  if (software) {
    return {
      backend: 'wasm',
      reason: `WebGPU here is a software renderer (${software}): running on WASM, which is faster`,
      f16: false,
    };
  }
  const { policy, value } = deps.models;
  if (isHubModel(policy) || (value.kind === 'model' && isHubModel(value.id))) {
    return onGpu(' (hub models run on the GPU)');
  }
  return timed(adapter, deps);
}

/**
 * Times `pass` (after the caller's warm-up): `passes` runs, or fewer once `budgetMs` is spent,
 * and always at least one. Returns the mean milliseconds per run.
 */
export async function timePasses(
  pass: () => Promise<void>,
  options: { readonly passes: number; readonly budgetMs: number; readonly now: () => number },
): Promise<number> {
  const { passes, budgetMs, now } = options;
  const start = now();
  let done = 0;
  do {
    await pass();
    done += 1;
  } while (done < passes && now() - start < budgetMs);
  return (now() - start) / done;
}
