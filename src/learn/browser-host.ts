import { env } from '@huggingface/transformers';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE, ONNX_FILE } from '../inference/model-files';
import { TransformersPolicy } from '../inference/policy';
import { loadCausalLm, loadValueModel } from '../inference/transformers-models';
import { TransformersValue } from '../inference/value';
import { serveModelBytes } from '../inference/worker/learned-serve';
import type { LoadedPair, ModelBytes, ModelHost } from './learn-loop';

/**
 * Browser-only (the learn worker): the learning loop's model host. Trained graphs are served from
 * memory as model folders under the embedded models' path (model-file-cache.ts) and loaded by
 * transformers.js exactly as the playground's model worker loads the shipped ones, in fp32 on
 * WASM (there is no pre-optimized graph for learned weights, so none is asked for).
 */
async function shippedGraph(modelsPath: string, name: string): Promise<Uint8Array> {
  const url = `${modelsPath}${name}/${ONNX_FILE.fp32}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the shipped model ${url} could not be read (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function browserModelHost(modelsPath: string): Promise<ModelHost> {
  const [policy, value] = await Promise.all([
    shippedGraph(modelsPath, COUNTDOWN_POLICY),
    shippedGraph(modelsPath, COUNTDOWN_VALUE),
  ]);
  let loads = 0;
  return {
    shipped: { policy, value },
    async load(models: ModelBytes): Promise<LoadedPair> {
      // A fresh id per load: transformers.js keeps nothing by id, but a name per graph keeps the
      // files served for one load from ever answering another.
      loads += 1;
      const ids = { policy: `learn-run-${loads}-policy`, value: `learn-run-${loads}-value` };
      const withdraw = [await serveModelBytes(modelsPath, ids.policy, 'policy', models.policy)];
      if (models.value) withdraw.push(await serveModelBytes(modelsPath, ids.value, 'value', models.value));
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      env.localModelPath = modelsPath;
      const options = { dtype: 'fp32', device: 'wasm' } as const;
      try {
        const [policyModel, valueModel] = await Promise.all([
          loadCausalLm(ids.policy, options),
          models.value ? loadValueModel(ids.value, options) : Promise.resolve(null),
        ]);
        return {
          policy: new TransformersPolicy(policyModel),
          ...(valueModel ? { value: new TransformersValue(valueModel) } : {}),
          dispose: async () => {
            await Promise.all([policyModel.dispose(), valueModel?.dispose()]);
          },
        };
      } finally {
        withdraw.forEach((w) => w());
      }
    },
  };
}
