import { env } from '@huggingface/transformers';
import { timedModel, type ForwardClock } from '../../src/bench/timed-model';
import type { BenchModels } from '../../src/bench/bench-workload';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE } from '../../src/inference/model-files';
import {
  checkModelFolder,
  DEFAULT_MODELS_DIR,
  EMBEDDED_MODEL_THREADS,
} from '../../src/inference/node-models';
import { TransformersPolicy } from '../../src/inference/policy';
import { loadCausalLm, loadValueModel, type ModelDtype } from '../../src/inference/transformers-models';
import { TransformersValue } from '../../src/inference/value';

/** The embedded models in-process, their forward passes timed, the prefix cache on or off. */
export async function loadBenchModels(prefixCache: boolean, dtype: ModelDtype = 'q8'): Promise<BenchModels> {
  checkModelFolder(DEFAULT_MODELS_DIR, COUNTDOWN_POLICY, dtype);
  checkModelFolder(DEFAULT_MODELS_DIR, COUNTDOWN_VALUE, dtype);
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = `${DEFAULT_MODELS_DIR}/`;
  const clock: ForwardClock = { policy: 0, value: 0 };
  const [policyModel, valueModel] = await Promise.all([
    loadCausalLm(COUNTDOWN_POLICY, { dtype, device: 'cpu', threads: EMBEDDED_MODEL_THREADS }),
    loadValueModel(COUNTDOWN_VALUE, { dtype, device: 'cpu', threads: EMBEDDED_MODEL_THREADS }),
  ]);
  return {
    policy: new TransformersPolicy(timedModel(policyModel, clock, 'policy'), { prefixCache }),
    value: new TransformersValue(timedModel(valueModel, clock, 'value'), { prefixCache }),
    forwardMs: () => ({ ...clock }),
    memoryMB: () => process.memoryUsage().rss / (1024 * 1024),
    dispose: async () => {
      await Promise.all([policyModel.dispose(), valueModel.dispose()]);
    },
  };
}
