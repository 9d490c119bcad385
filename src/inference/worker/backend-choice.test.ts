import { describe, expect, it } from 'vitest';
import { InferenceError } from '../errors';
import {
  chooseBackend,
  timePasses,
  type AdapterLike,
  type BackendChoiceDeps,
  type ProbeMemo,
  type ProbeResult,
} from './backend-choice';
import type { ModelSpec } from './protocol';

/** The backend rules against fake adapters and a fake probe: no browser, no model, no clock. */
const HUB = 'https://huggingface.co';
const embedded: ModelSpec = {
  policy: 'countdown-policy',
  value: { kind: 'model', id: 'countdown-value' },
  hub: HUB,
};
const hubPolicy: ModelSpec = { policy: 'owner/tiny-chat', value: { kind: 'self-eval' }, hub: HUB };
const hubValue: ModelSpec = {
  policy: 'countdown-policy',
  value: { kind: 'model', id: 'owner/prm' },
  hub: HUB,
};

function adapter(info: Partial<AdapterLike['info']>, features: readonly string[] = []): AdapterLike {
  return {
    info: { vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: false, ...info },
    features: new Set(features),
  };
}
const swiftShader = adapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true });
const nvidia = adapter({ vendor: 'nvidia', architecture: 'ampere' }, ['shader-f16']);

function fakes(found: AdapterLike | null, times: ProbeResult = { wasm: 3.1, webgpu: 9.8 }) {
  const probed: string[] = [];
  const deps: BackendChoiceDeps = {
    gpu: { requestAdapter: async () => found },
    models: embedded,
    probe: async (policy) => {
      probed.push(policy);
      return times;
    },
  };
  return { deps, probed };
}

function mapMemo(): ProbeMemo & { readonly entries: Map<string, ProbeResult> } {
  const entries = new Map<string, ProbeResult>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, result) => void entries.set(key, result),
  };
}

describe('chooseBackend: software adapters', () => {
  it('auto on a fallback adapter runs on WASM and says why, without a probe', async () => {
    const { deps, probed } = fakes(swiftShader);
    const decision = await chooseBackend('auto', deps);
    expect(decision).toEqual({
      backend: 'wasm',
      reason: 'WebGPU here is a software renderer (SwiftShader): running on WASM, which is faster',
      f16: false,
    });
    expect(probed).toEqual([]);
  });

  it.each([
    [{ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }, 'llvmpipe'],
    [{ vendor: 'google', architecture: 'SwiftShader' }, 'SwiftShader'],
    [{ vendor: 'microsoft', description: 'Microsoft Basic Render Driver' }, 'Microsoft Basic Render Driver'],
  ])('auto on a software renderer named by its info (%o) runs on WASM', async (info, name) => {
    const { deps, probed } = fakes(adapter(info));
    const decision = await chooseBackend('auto', deps);
    expect(decision.backend).toBe('wasm');
    expect(decision.reason).toContain(`software renderer (${name})`);
    expect(probed).toEqual([]);
  });

  it('auto on an unnamed fallback adapter still runs on WASM', async () => {
    const { deps } = fakes(adapter({ vendor: 'acme', architecture: 'soft', isFallbackAdapter: true }));
    const decision = await chooseBackend('auto', deps);
    expect(decision.backend).toBe('wasm');
    expect(decision.reason).toContain('a fallback adapter, acme soft');
  });

  it('an explicit webgpu runs on the software adapter all the same, and says it is slower', async () => {
    const { deps, probed } = fakes(swiftShader);
    const decision = await chooseBackend('webgpu', deps);
    expect(decision.backend).toBe('webgpu');
    expect(decision.reason).toBe(
      'WebGPU adapter: google swiftshader, a software renderer (SwiftShader): WASM is faster here',
    );
    expect(probed).toEqual([]);
  });
});

describe('chooseBackend: hardware adapters', () => {
  it('auto with the embedded models times both backends and picks WASM when it is faster', async () => {
    const { deps, probed } = fakes(nvidia, { wasm: 3.14, webgpu: 9.8 });
    const decision = await chooseBackend('auto', deps);
    expect(decision).toEqual({
      backend: 'wasm',
      reason: 'WASM 3.1 ms vs WebGPU 9.8 ms per pass on the embedded policy: WASM',
      f16: false,
    });
    expect(probed).toEqual(['countdown-policy']);
  });

  it('auto with the embedded models picks WebGPU when it is faster, with shader-f16 where the adapter has it', async () => {
    const { deps } = fakes(nvidia, { wasm: 6, webgpu: 1.25 });
    const decision = await chooseBackend('auto', deps);
    expect(decision).toEqual({
      backend: 'webgpu',
      reason: 'WASM 6.0 ms vs WebGPU 1.3 ms per pass on the embedded policy: WebGPU (nvidia ampere)',
      f16: true,
    });
  });

  it('a probe that fails leaves the models on WASM and says why', async () => {
    const { deps } = fakes(nvidia);
    const decision = await chooseBackend('auto', {
      ...deps,
      probe: async () => {
        throw new Error('no WebGPU device');
      },
    });
    expect(decision.backend).toBe('wasm');
    expect(decision.reason).toBe('timing the backends failed (no WebGPU device): running on WASM');
  });

  it('a remembered result for the same adapter and policy is used instead of a second probe', async () => {
    const { deps, probed } = fakes(nvidia);
    const memo = mapMemo();
    const first = await chooseBackend('auto', { ...deps, memo });
    const second = await chooseBackend('auto', { ...deps, memo });
    expect(probed).toEqual(['countdown-policy']);
    expect(first.backend).toBe(second.backend);
    expect(second.reason).toContain('measured earlier on this adapter');
    // Another adapter is timed on its own.
    const other = fakes(adapter({ vendor: 'amd', architecture: 'rdna-3' }));
    await chooseBackend('auto', { ...other.deps, memo });
    expect(other.probed).toEqual(['countdown-policy']);
    expect(memo.entries.size).toBe(2);
  });

  it.each([
    ['a hub policy', hubPolicy],
    ['a hub value model', hubValue],
  ])('auto with %s stays on WebGPU without a probe', async (_, models) => {
    const { deps, probed } = fakes(nvidia);
    const decision = await chooseBackend('auto', { ...deps, models });
    expect(decision).toEqual({
      backend: 'webgpu',
      reason: 'WebGPU adapter: nvidia ampere (hub models run on the GPU)',
      f16: true,
    });
    expect(probed).toEqual([]);
  });

  it('an explicit webgpu runs on the adapter without a probe', async () => {
    const { deps, probed } = fakes(nvidia);
    expect(await chooseBackend('webgpu', deps)).toEqual({
      backend: 'webgpu',
      reason: 'WebGPU adapter: nvidia ampere',
      f16: true,
    });
    expect(probed).toEqual([]);
  });
});

describe('chooseBackend: no WebGPU', () => {
  it('an explicit wasm runs on WASM without asking for an adapter', async () => {
    let asked = false;
    const { deps, probed } = fakes(nvidia);
    const decision = await chooseBackend('wasm', {
      ...deps,
      gpu: {
        requestAdapter: async () => {
          asked = true;
          return nvidia;
        },
      },
    });
    expect(decision).toEqual({ backend: 'wasm', reason: 'WASM was chosen in the settings', f16: false });
    expect(asked).toBe(false);
    expect(probed).toEqual([]);
  });

  it('auto without navigator.gpu runs on WASM and says why', async () => {
    const { deps } = fakes(null);
    const decision = await chooseBackend('auto', { ...deps, gpu: undefined });
    expect(decision.backend).toBe('wasm');
    expect(decision.reason).toBe('this browser has no WebGPU (navigator.gpu is missing): running on WASM');
  });

  it('auto without an adapter, or when asking for one fails, runs on WASM', async () => {
    expect((await chooseBackend('auto', fakes(null).deps)).reason).toBe(
      'navigator.gpu gave no adapter: running on WASM',
    );
    const { deps } = fakes(null);
    const failing = {
      ...deps,
      gpu: {
        requestAdapter: async (): Promise<AdapterLike | null> => {
          throw new Error('blocked');
        },
      },
    };
    expect((await chooseBackend('auto', failing)).reason).toBe(
      'requesting a WebGPU adapter failed (blocked): running on WASM',
    );
  });

  it('an explicit webgpu without WebGPU fails with a load error that says why', async () => {
    const { deps } = fakes(null);
    const noGpu = chooseBackend('webgpu', { ...deps, gpu: undefined });
    await expect(noGpu).rejects.toBeInstanceOf(InferenceError);
    await expect(noGpu).rejects.toThrow('WebGPU was asked for, but this browser has no WebGPU');
    await expect(chooseBackend('webgpu', deps)).rejects.toThrow(
      'WebGPU was asked for, but navigator.gpu gave no adapter',
    );
  });
});

describe('timePasses', () => {
  /** A clock that moves only when a pass runs: each pass takes `cost` ms. */
  function fakeClock(cost: number) {
    let t = 0;
    let runs = 0;
    return {
      now: () => t,
      pass: async () => {
        t += cost;
        runs += 1;
      },
      runs: () => runs,
    };
  }

  it('runs the passes asked for while within the budget, and returns the mean', async () => {
    const clock = fakeClock(10);
    expect(await timePasses(clock.pass, { passes: 4, budgetMs: 150, now: clock.now })).toBe(10);
    expect(clock.runs()).toBe(4);
  });

  it('stops early once the budget is spent, after one pass at least', async () => {
    const clock = fakeClock(100);
    expect(await timePasses(clock.pass, { passes: 4, budgetMs: 150, now: clock.now })).toBe(100);
    expect(clock.runs()).toBe(2);
    const slow = fakeClock(1000);
    await timePasses(slow.pass, { passes: 4, budgetMs: 150, now: slow.now });
    expect(slow.runs()).toBe(1);
  });
});
