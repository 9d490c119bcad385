import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE, ONNX_FILE, OPTIMIZED_ONNX_FILE } from './model-files';
import { DEFAULT_MODELS_DIR } from './node-models';
import { outputDifference } from './optimized-models';

// The browser's WASM backend runs the pre-optimized graphs with optimizations off: they must compute
// exactly what the original graphs compute with them on (after a new export, run
// `npx tsx scripts/optimize-models.ts`).
describe.each([COUNTDOWN_POLICY, COUNTDOWN_VALUE])('%s, pre-optimized graph', (name) => {
  const folder = join(DEFAULT_MODELS_DIR, name);

  it('gives exactly the outputs of the original graph', async () => {
    const diff = await outputDifference(
      folder,
      { file: ONNX_FILE.fp32, level: 'all' },
      { file: OPTIMIZED_ONNX_FILE, level: 'disabled' },
    );
    expect(diff.total).toBeGreaterThan(100_000);
    expect(diff.differing).toBe(0);
  });

  it('is compared finely enough to tell (the original unoptimized differs)', async () => {
    const diff = await outputDifference(
      folder,
      { file: ONNX_FILE.fp32, level: 'all' },
      { file: ONNX_FILE.fp32, level: 'disabled' },
    );
    expect(diff.differing).toBeGreaterThan(0);
    expect(diff.maxAbs).toBeLessThan(1e-3);
  });
});
