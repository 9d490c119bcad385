import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '@huggingface/transformers';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE, requiredModelFiles } from './model-files';
import { TransformersPolicy } from './policy';
import { loadCausalLm, loadValueModel, type ModelDtype } from './transformers-models';
import { TransformersValue } from './value';

/** Node-only: loads the embedded models from public/models/ in-process (CLIs and tests). */
export const DEFAULT_MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/models');

/**
 * ONNX Runtime threads for the embedded models in Node. They are so small (0.8M parameters) that
 * a forward pass takes a fraction of a millisecond, and handing its pieces to a second thread
 * costs more than it saves: measured on the bench workload, one thread ran the cached decoding
 * (many batch-1 steps) in about half the time of the default two.
 */
export const EMBEDDED_MODEL_THREADS = 1;

export class ModelFolderError extends Error {
  override readonly name = 'ModelFolderError';
}

/** Throws ModelFolderError naming the folder or the first missing file. */
export function checkModelFolder(modelsDir: string, name: string, dtype: ModelDtype): void {
  const folder = join(modelsDir, name);
  if (!existsSync(folder)) throw new ModelFolderError(`model folder not found: ${folder}`);
  for (const file of requiredModelFiles(dtype)) {
    const path = join(folder, file);
    if (!existsSync(path))
      throw new ModelFolderError(`model folder ${folder} is incomplete: missing ${file} (${path})`);
  }
}

export interface NodeModels {
  readonly policy: TransformersPolicy;
  readonly value: TransformersValue;
  dispose(): Promise<void>;
}

export interface CountdownModelOptions {
  /** Reuse keys/values of contexts seen before (default on). */
  readonly prefixCache?: boolean;
  /** The value model's folder: countdown-value (the PRM, default) or countdown-orm. */
  readonly valueId?: string;
}

export async function loadCountdownModels(
  dtype: ModelDtype = 'q8',
  modelsDir = DEFAULT_MODELS_DIR,
  options: CountdownModelOptions = {},
): Promise<NodeModels> {
  checkModelFolder(modelsDir, COUNTDOWN_POLICY, dtype);
  const valueId = options.valueId ?? COUNTDOWN_VALUE;
  checkModelFolder(modelsDir, valueId, dtype);
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = modelsDir.endsWith('/') ? modelsDir : `${modelsDir}/`;
  const [policyModel, valueModel] = await Promise.all([
    loadCausalLm(COUNTDOWN_POLICY, { dtype, device: 'cpu', threads: EMBEDDED_MODEL_THREADS }),
    loadValueModel(valueId, { dtype, device: 'cpu', threads: EMBEDDED_MODEL_THREADS }),
  ]);
  return {
    policy: new TransformersPolicy(policyModel, { prefixCache: options.prefixCache ?? true }),
    value: new TransformersValue(valueModel, { prefixCache: options.prefixCache ?? true }),
    dispose: async () => {
      await Promise.all([policyModel.dispose(), valueModel.dispose()]);
    },
  };
}
