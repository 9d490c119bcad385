import { describe, expect, it } from 'vitest';
import { describeAdapter } from './adapter-choice';

describe('describeAdapter', () => {
  it('uses a real GPU and names it', () => {
    expect(
      describeAdapter({ info: { vendor: 'nvidia', architecture: 'hopper', isFallbackAdapter: false } }),
    ).toEqual({
      usable: true,
      name: 'nvidia hopper',
    });
  });

  it('refuses a software fallback adapter, flagged on its info or (older Chromium) on itself', () => {
    const swiftshader = { info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } };
    expect(describeAdapter(swiftshader)).toEqual({
      usable: false,
      name: 'a software fallback adapter (google swiftshader)',
    });
    expect(describeAdapter({ isFallbackAdapter: true }).usable).toBe(false);
  });

  it('says when there is no adapter', () => {
    expect(describeAdapter(null)).toEqual({ usable: false, name: 'no WebGPU adapter' });
  });
});
