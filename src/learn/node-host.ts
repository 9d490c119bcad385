import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env } from '@huggingface/transformers';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE } from '../inference/model-files';
import { DEFAULT_MODELS_DIR, EMBEDDED_MODEL_THREADS } from '../inference/node-models';
import { TransformersPolicy } from '../inference/policy';
import { loadCausalLm, loadValueModel } from '../inference/transformers-models';
import { TransformersValue } from '../inference/value';
import type { LoadedPair, ModelBytes, ModelHost } from './learn-loop';

/**
 * The learning loop's model host in Node: trained graphs are written as model folders (the
 * shipped folders' config and tokenizer files, the new onnx/model.onnx) and loaded by
 * transformers.js exactly like the shipped ones, in fp32.
 */
const FOLDER_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];

export function writeModelFolder(
  dir: string,
  name: string,
  onnx: Uint8Array,
  card?: string,
  from = DEFAULT_MODELS_DIR,
): void {
  const folder = join(dir, name);
  mkdirSync(join(folder, 'onnx'), { recursive: true });
  for (const f of FOLDER_FILES) writeFileSync(join(folder, f), readFileSync(join(from, name, f)));
  writeFileSync(join(folder, 'onnx', 'model.onnx'), onnx);
  if (card) writeFileSync(join(folder, 'MODEL_CARD.md'), card);
}

/** A loaded pair with the transformers.js policy exposed (tests score given steps with it). */
export interface NodeLoadedPair extends LoadedPair {
  readonly policy: TransformersPolicy;
}

export interface NodeModelHost extends ModelHost {
  load(models: ModelBytes): Promise<NodeLoadedPair>;
}

export function nodeModelHost(modelsDir = DEFAULT_MODELS_DIR): NodeModelHost {
  const read = (name: string) => new Uint8Array(readFileSync(join(modelsDir, name, 'onnx', 'model.onnx')));
  return {
    shipped: { policy: read(COUNTDOWN_POLICY), value: read(COUNTDOWN_VALUE) },
    async load(models: ModelBytes): Promise<NodeLoadedPair> {
      const dir = mkdtempSync(join(tmpdir(), 'rlm-learn-'));
      writeModelFolder(dir, COUNTDOWN_POLICY, models.policy, undefined, modelsDir);
      if (models.value) writeModelFolder(dir, COUNTDOWN_VALUE, models.value, undefined, modelsDir);
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      env.localModelPath = `${dir}/`;
      const options = { dtype: 'fp32' as const, device: 'cpu' as const, threads: EMBEDDED_MODEL_THREADS };
      const [policyModel, valueModel] = await Promise.all([
        loadCausalLm(COUNTDOWN_POLICY, options),
        models.value ? loadValueModel(COUNTDOWN_VALUE, options) : Promise.resolve(null),
      ]);
      rmSync(dir, { recursive: true, force: true });
      return {
        policy: new TransformersPolicy(policyModel),
        ...(valueModel ? { value: new TransformersValue(valueModel) } : {}),
        dispose: async () => {
          await Promise.all([policyModel.dispose(), valueModel?.dispose()]);
        },
      };
    },
  };
}
