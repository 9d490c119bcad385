import { afterEach, describe, expect, it } from 'vitest';
import { floatData, halfToFloat } from './tensor-data';

/** q4f16's float16 logits arrive as raw words (Node 20) or as a Float16Array (Chromium). */
describe('floatData', () => {
  const had = Object.getOwnPropertyDescriptor(globalThis, 'Float16Array');
  afterEach(() => {
    if (had) Object.defineProperty(globalThis, 'Float16Array', had);
    else delete (globalThis as { Float16Array?: unknown }).Float16Array;
  });

  it('decodes half-precision words, passes float32 through, and refuses integers', () => {
    // 0x3c00 = 1, 0xc000 = -2, 0x3555 ≈ 0.333, 0x7c00 = +∞
    expect([...floatData({ data: new Uint16Array([0x3c00, 0xc000, 0x7c00]) })]).toEqual([1, -2, Infinity]);
    expect(halfToFloat(new Uint16Array([0x3555]))[0]).toBeCloseTo(1 / 3, 3);
    const f32 = new Float32Array([0.5]);
    expect(floatData({ data: f32 })).toBe(f32);
    expect(() => floatData({ data: new Int32Array([1]) })).toThrow('expected a float tensor');
  });

  it('reads a Float16Array where the runtime has one (Chromium)', () => {
    // A stand-in with Float16Array's name and numbers (Node 20 has none), no other float array.
    class Float16Array {
      readonly length: number;
      [i: number]: number;
      constructor(values: readonly number[]) {
        values.forEach((v, i) => (this[i] = v));
        this.length = values.length;
      }
    }
    Object.defineProperty(globalThis, 'Float16Array', {
      value: Float16Array,
      configurable: true,
      writable: true,
    });
    const out = floatData({ data: new Float16Array([1.5, -0.25]) });
    expect(out).toBeInstanceOf(Float32Array);
    expect([...out]).toEqual([1.5, -0.25]);
  });
});
