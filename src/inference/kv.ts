import { Tensor } from '@huggingface/transformers';

/**
 * Keys and values of a run of tokens for every layer, one sequence (batch 1), kept on the CPU:
 * per layer a [heads, length, headDim] array for the keys and one for the values. This is what
 * the prefix cache stores and what a batch's past is assembled from.
 */
export type KvArray = Float32Array | Uint16Array;
export type KvDtype = 'float32' | 'float16';

export interface KvLayout {
  readonly layers: number;
  readonly heads: number;
  readonly headDim: number;
  readonly dtype: KvDtype;
}

export interface KvRun {
  readonly length: number;
  /** Per layer: keys [heads, length, headDim]. */
  readonly keys: readonly KvArray[];
  readonly values: readonly KvArray[];
}

export const kvRunBytes = (run: KvRun): number =>
  run.keys.reduce((a, k) => a + k.byteLength, 0) + run.values.reduce((a, v) => a + v.byteLength, 0);

function allocate(dtype: KvDtype, size: number): KvArray {
  return dtype === 'float16' ? new Uint16Array(size) : new Float32Array(size);
}

/** The present.* outputs of a forward pass, read to the CPU (downloaded when on the GPU). */
export interface PresentBlock {
  readonly layout: KvLayout;
  /** Batch rows and total sequence length of the block. */
  readonly batch: number;
  readonly length: number;
  readonly keys: readonly KvArray[];
  readonly values: readonly KvArray[];
}

interface GpuReadable {
  getData(): Promise<unknown>;
}

async function cpuData(t: Tensor): Promise<KvArray> {
  // transformers.js keeps a decoder's present.* on the GPU under WebGPU; ORT downloads on request.
  const data: unknown =
    t.location === 'gpu-buffer' ? await (t.ort_tensor as unknown as GpuReadable).getData() : t.data;
  if (data instanceof Float32Array || data instanceof Uint16Array) return data;
  // float16 as a Float16Array (Chromium has one): the cache keeps the same bytes as 16-bit words,
  // which ORT takes back for a float16 input. Copying it into words by value would ruin it.
  if (ArrayBuffer.isView(data) && t.type === 'float16')
    return new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2);
  throw new TypeError(`a key/value cache of type ${t.type} is not supported`);
}

/** Reads `present.{i}.key|value` of a forward pass's outputs. */
export async function readPresent(out: Record<string, Tensor>, layers: number): Promise<PresentBlock> {
  const keys: KvArray[] = [];
  const values: KvArray[] = [];
  let dims: readonly number[] = [];
  let type = 'float32';
  for (let i = 0; i < layers; i++) {
    const k = out[`present.${i}.key`];
    const v = out[`present.${i}.value`];
    if (!k || !v) throw new Error(`the model returned no present.${i}.key/value: it has no key/value cache`);
    dims = k.dims;
    type = k.type;
    keys.push(await cpuData(k));
    values.push(await cpuData(v));
  }
  const [batch = 1, heads = 1, length = 0, headDim = 1] = dims;
  const dtype: KvDtype = type === 'float16' ? 'float16' : 'float32';
  return { layout: { layers, heads, headDim, dtype }, batch, length, keys, values };
}

/** Row `row`, positions [from, to) of a block, as a run of its own (a copy). */
export function sliceRow(block: PresentBlock, row: number, from: number, to: number): KvRun {
  const { heads, headDim, dtype } = block.layout;
  const n = to - from;
  const take = (src: KvArray): KvArray => {
    const out = allocate(dtype, heads * n * headDim);
    for (let h = 0; h < heads; h++) {
      const start = ((row * heads + h) * block.length + from) * headDim;
      out.set(src.subarray(start, start + n * headDim), h * n * headDim);
    }
    return out;
  };
  return { length: n, keys: block.keys.map(take), values: block.values.map(take) };
}

/** The first `n` positions of a run (a copy). */
export function headOf(run: KvRun, layout: KvLayout, n: number): KvRun {
  if (n >= run.length) return run;
  const { heads, headDim, dtype } = layout;
  const take = (src: KvArray): KvArray => {
    const out = allocate(dtype, heads * n * headDim);
    for (let h = 0; h < heads; h++) {
      const start = h * run.length * headDim;
      out.set(src.subarray(start, start + n * headDim), h * n * headDim);
    }
    return out;
  };
  return { length: n, keys: run.keys.map(take), values: run.values.map(take) };
}

/** Positions [n, end) of a run (a copy): the part after a split. */
export function tailOf(run: KvRun, layout: KvLayout, n: number): KvRun {
  const { heads, headDim, dtype } = layout;
  const m = run.length - n;
  const take = (src: KvArray): KvArray => {
    const out = allocate(dtype, heads * m * headDim);
    for (let h = 0; h < heads; h++) {
      const start = (h * run.length + n) * headDim;
      out.set(src.subarray(start, start + m * headDim), h * m * headDim);
    }
    return out;
  };
  return { length: m, keys: run.keys.map(take), values: run.values.map(take) };
}

/**
 * A batch's past from one list of runs per row (each row's runs are its prefix, in order): rows
 * are left-padded with zeros to the longest, and the padding is masked out by the caller.
 * Returns the past_key_values tensors and each row's real length.
 */
export function buildPast(
  layout: KvLayout,
  rows: readonly (readonly KvRun[])[],
): { past: Record<string, Tensor>; lengths: number[]; width: number } {
  const { layers, heads, headDim, dtype } = layout;
  const lengths = rows.map((runs) => runs.reduce((a, r) => a + r.length, 0));
  const width = Math.max(0, ...lengths);
  const past: Record<string, Tensor> = {};
  for (let i = 0; i < layers; i++) {
    for (const kind of ['key', 'value'] as const) {
      const out = allocate(dtype, rows.length * heads * width * headDim);
      rows.forEach((runs, b) => {
        const pad = width - (lengths[b] ?? 0);
        for (let h = 0; h < heads; h++) {
          let t = pad;
          for (const run of runs) {
            const src = (kind === 'key' ? run.keys : run.values)[i] as KvArray;
            const from = h * run.length * headDim;
            out.set(src.subarray(from, from + run.length * headDim), ((b * heads + h) * width + t) * headDim);
            t += run.length;
          }
        }
      });
      past[`past_key_values.${i}.${kind}`] = new Tensor(dtype, out, [rows.length, heads, width, headDim]);
    }
  }
  return { past, lengths, width };
}

/** Two runs one after the other, as one (a copy). */
export function concatRuns(layout: KvLayout, a: KvRun, b: KvRun): KvRun {
  const { heads, headDim, dtype } = layout;
  const n = a.length + b.length;
  const join = (x: KvArray, y: KvArray): KvArray => {
    const out = allocate(dtype, heads * n * headDim);
    for (let h = 0; h < heads; h++) {
      out.set(x.subarray(h * a.length * headDim, (h + 1) * a.length * headDim), h * n * headDim);
      out.set(y.subarray(h * b.length * headDim, (h + 1) * b.length * headDim), (h * n + a.length) * headDim);
    }
    return out;
  };
  return {
    length: n,
    keys: a.keys.map((k, i) => join(k, b.keys[i] as KvArray)),
    values: a.values.map((v, i) => join(v, b.values[i] as KvArray)),
  };
}

/**
 * A past made of chosen rows of a block, in the order given (rows may repeat), each cut to its
 * first `length` positions (the rest held drafted tokens that were not accepted).
 */
export function gatherRows(
  block: PresentBlock,
  rows: readonly number[],
  length = block.length,
): Record<string, Tensor> {
  const { layers, heads, headDim, dtype } = block.layout;
  const rowSize = heads * block.length * headDim;
  const outRow = heads * length * headDim;
  const past: Record<string, Tensor> = {};
  for (let i = 0; i < layers; i++) {
    for (const [kind, arrays] of [
      ['key', block.keys],
      ['value', block.values],
    ] as const) {
      const src = arrays[i] as KvArray;
      const out = allocate(dtype, rows.length * outRow);
      rows.forEach((r, g) => {
        if (length === block.length)
          return void out.set(src.subarray(r * rowSize, (r + 1) * rowSize), g * outRow);
        for (let h = 0; h < heads; h++) {
          const from = r * rowSize + h * block.length * headDim;
          out.set(src.subarray(from, from + length * headDim), g * outRow + h * length * headDim);
        }
      });
      past[`past_key_values.${i}.${kind}`] = new Tensor(dtype, out, [rows.length, heads, length, headDim]);
    }
  }
  return past;
}
