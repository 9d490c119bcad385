import { describe, expect, it } from 'vitest';
import { pickRuntime } from './runtime-build';

describe('pickRuntime', () => {
  it('takes the JSPI build wherever it runs: WASM and WebGPU in one, about half the asyncify one', () => {
    expect(pickRuntime({ jspi: true, webgpu: true })).toBe('jspi');
    expect(pickRuntime({ jspi: true, webgpu: false })).toBe('jspi');
  });

  it('keeps asyncify where WebGPU may be asked for without JSPI, and the WASM-only build where it cannot', () => {
    expect(pickRuntime({ jspi: false, webgpu: true })).toBe('asyncify');
    expect(pickRuntime({ jspi: false, webgpu: false })).toBe('plain');
  });
});
