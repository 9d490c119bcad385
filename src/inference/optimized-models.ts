import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { ONNX_FILE, OPTIMIZED_ONNX_FILE } from './model-files';

/**
 * Node-only: writes an embedded model's pre-optimized graph (OPTIMIZED_ONNX_FILE) from its fp32
 * graph, and compares what the two compute. Level `extended`: ONNX Runtime's fusions for its CPU
 * kernels (LayerNormalization, BiasGelu, FusedMatMul), nothing tied to this machine's processor
 * (`all` adds layout changes chosen for it).
 */
type Level = 'disabled' | 'extended' | 'all';

export async function writeOptimizedModel(folder: string): Promise<void> {
  const session = await ort.InferenceSession.create(join(folder, ONNX_FILE.fp32), {
    graphOptimizationLevel: 'extended',
    optimizedModelFilePath: join(folder, OPTIMIZED_ONNX_FILE),
  });
  await session.release();
}

export interface OutputDifference {
  /** Output numbers compared, over every output of every input. */
  readonly total: number;
  /** How many of them were not exactly equal. */
  readonly differing: number;
  readonly maxAbs: number;
}

/** [batch, new tokens, past tokens]: prompts, decoding with a cache, a long cache. */
const SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 7, 0],
  [4, 12, 0],
  [16, 1, 20],
  [3, 5, 9],
  [8, 30, 0],
  [2, 1, 60],
];

function feeds(names: readonly string[], heads: number, headDim: number, rand: () => number) {
  return SHAPES.map(([batch, len, past]) => {
    const f: Record<string, ort.Tensor> = {};
    const ints = (n: number, at: (i: number) => number) =>
      BigInt64Array.from({ length: n }, (_, i) => BigInt(at(i)));
    f['input_ids'] = new ort.Tensor(
      'int64',
      ints(batch * len, () => 3 + Math.floor(rand() * 25)),
      [batch, len],
    );
    // Left padding on the first row, as batches of unequal prompts have.
    const width = past + len;
    f['attention_mask'] = new ort.Tensor(
      'int64',
      ints(batch * width, (i) => (i < 2 && batch > 1 ? 0 : 1)),
      [batch, width],
    );
    if (names.includes('position_ids'))
      f['position_ids'] = new ort.Tensor(
        'int64',
        ints(batch * len, (i) => past + (i % len)),
        [batch, len],
      );
    for (const name of names.filter((n) => n.startsWith('past_key_values.'))) {
      const values = Float32Array.from({ length: batch * heads * past * headDim }, () => rand() - 0.5);
      f[name] = new ort.Tensor('float32', values, [batch, heads, past, headDim]);
    }
    return f;
  });
}

/** Runs the same inputs (seeded) through two graphs and counts the outputs that differ at all. */
export async function outputDifference(
  folder: string,
  a: { readonly file: string; readonly level: Level },
  b: { readonly file: string; readonly level: Level },
): Promise<OutputDifference> {
  const config = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8')) as {
    n_head: number;
    n_embd: number;
  };
  const [sa, sb] = await Promise.all(
    [a, b].map((g) => ort.InferenceSession.create(join(folder, g.file), { graphOptimizationLevel: g.level })),
  );
  if (!sa || !sb) throw new Error('no session');
  let seed = 1;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  let total = 0;
  let differing = 0;
  let maxAbs = 0;
  try {
    for (const f of feeds(sa.inputNames, config.n_head, config.n_embd / config.n_head, rand)) {
      const [ra, rb] = [await sa.run(f), await sb.run(f)];
      for (const name of sa.outputNames) {
        const x = ra[name]?.data;
        const y = rb[name]?.data;
        if (!(x instanceof Float32Array) || !(y instanceof Float32Array) || x.length !== y.length)
          throw new Error(`output ${name} is missing or shaped differently`);
        for (let i = 0; i < x.length; i++) {
          const d = Math.abs((x[i] ?? 0) - (y[i] ?? 0));
          total++;
          if (d !== 0) differing++;
          maxAbs = Math.max(maxAbs, d);
        }
      }
    }
  } finally {
    await Promise.all([sa.release(), sb.release()]);
  }
  return { total, differing, maxAbs };
}
