import { join } from 'node:path';
import {
  COUNTDOWN_ORM,
  COUNTDOWN_POLICY,
  COUNTDOWN_VALUE,
  ONNX_FILE,
  OPTIMIZED_ONNX_FILE,
} from '../src/inference/model-files';
import { DEFAULT_MODELS_DIR } from '../src/inference/node-models';
import { outputDifference, writeOptimizedModel } from '../src/inference/optimized-models';

/**
 * Writes each embedded model's onnx/model_optimized.onnx from its onnx/model.onnx (run it after
 * every export: training/train-all.sh does), then checks that the new graph, run with ONNX
 * Runtime's optimizations off as the browser runs it, gives exactly the outputs of the original
 * with them on. src/inference/optimized-models.integration.test.ts checks the same on every test run.
 * MODELS_DIR=DIR picks another models folder (training/finetune-five.sh exports to one first).
 */
async function main(): Promise<void> {
  for (const name of [COUNTDOWN_POLICY, COUNTDOWN_VALUE, COUNTDOWN_ORM]) {
    const folder = join(process.env.MODELS_DIR ?? DEFAULT_MODELS_DIR, name);
    await writeOptimizedModel(folder);
    const diff = await outputDifference(
      folder,
      { file: ONNX_FILE.fp32, level: 'all' },
      { file: OPTIMIZED_ONNX_FILE, level: 'disabled' },
    );
    console.log(`${name}: wrote ${OPTIMIZED_ONNX_FILE}; ${diff.differing} of ${diff.total} outputs differ`);
    if (diff.differing > 0) throw new Error(`${name}: the optimized graph computes something else`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `error: ${e.message}` : e);
  process.exit(1);
});
