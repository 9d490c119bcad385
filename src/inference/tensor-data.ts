/**
 * A float tensor's numbers as Float32Array. q4f16 graphs give float16 outputs: a Float16Array
 * where the runtime has one (Chromium), else raw 16-bit words in a Uint16Array (Node 20), which
 * read as floats would be nonsense and are decoded here.
 */
export function floatData(tensor: { readonly data: unknown }): Float32Array {
  const { data } = tensor;
  if (data instanceof Float32Array) return data;
  if (data instanceof Uint16Array) return halfToFloat(data);
  if (data instanceof Float64Array || isFloat16Array(data)) return Float32Array.from(data);
  throw new TypeError('expected a float tensor');
}

/** Float16Array is new (Chromium 135, not Node 20): looked up at run time, not named as a type. */
function isFloat16Array(data: unknown): data is ArrayLike<number> {
  const f16 = (globalThis as { Float16Array?: abstract new (...args: never[]) => unknown }).Float16Array;
  return f16 !== undefined && data instanceof f16;
}

/** IEEE 754 half-precision words as numbers. */
export function halfToFloat(words: Uint16Array): Float32Array {
  const out = new Float32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const h = words[i] ?? 0;
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const frac = h & 0x3ff;
    out[i] =
      exp === 0
        ? sign * 2 ** -14 * (frac / 1024)
        : exp === 31
          ? frac === 0
            ? sign * Infinity
            : NaN
          : sign * 2 ** (exp - 15) * (1 + frac / 1024);
  }
  return out;
}
