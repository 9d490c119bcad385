import { COUNTDOWN_POLICY, COUNTDOWN_VALUE, ONNX_FILE } from '../../inference/model-files';
import { learnedModelId } from '../../inference/learned-models';
import { modelCard } from '../../learn/model-card';
import { tarArchive, type TarEntry } from '../../learn/tar';
import type { StoredWeights } from '../persistence/learn-db';
import { DEFAULT_SETUP, setupToQuery } from '../setup';
import { learnConfigOf } from './learn-config';
import type { StoredGeneration } from './learn-types';

/**
 * A generation out of the Learn view: as a .tar of the two model folders (the layout the app and
 * `npm run eval -- --models DIR --dtype fp32` load), or as the playground's address with its pair
 * selected (the model worker loads learned ids from IndexedDB).
 */
const FOLDER_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];

export class GenerationExportError extends Error {
  override readonly name = 'GenerationExportError';
}

/** Whether the generation has a value model of its own (generation 0 from 'none' has none). */
export function hasValue(generation: StoredGeneration): boolean {
  return generation.hasValue ?? !(generation.round === 0 && generation.settings.from === 'none');
}

export async function generationTar(
  generation: StoredGeneration,
  lineage: readonly StoredGeneration[],
  weights: StoredWeights | undefined,
  fetchText: (url: string) => Promise<string>,
  modelsPath: string,
): Promise<Blob> {
  if (!weights)
    throw new GenerationExportError(
      `the weights of generation ${generation.round} are no longer in this browser's storage: nothing to export`,
    );
  const card = modelCard(learnConfigOf(generation.settings), lineage);
  const entries: TarEntry[] = [];
  const folders = [
    { name: COUNTDOWN_POLICY, kind: 'policy' as const, onnx: weights.policy },
    ...(weights.value ? [{ name: COUNTDOWN_VALUE, kind: 'value' as const, onnx: weights.value }] : []),
  ];
  for (const folder of folders) {
    for (const file of FOLDER_FILES)
      entries.push({
        path: `${folder.name}/${file}`,
        data: await fetchText(`${modelsPath}${folder.name}/${file}`),
      });
    entries.push({ path: `${folder.name}/${ONNX_FILE.fp32}`, data: new Uint8Array(folder.onnx) });
    entries.push({ path: `${folder.name}/MODEL_CARD.md`, data: card(folder.kind) });
  }
  return new Blob([tarArchive(entries).slice().buffer], { type: 'application/x-tar' });
}

/** The playground's query (`?task=countdown&policy=learned-…`) with the generation's pair selected. */
export function playgroundQuery(generation: StoredGeneration): string {
  return setupToQuery({
    ...DEFAULT_SETUP,
    task: 'countdown',
    policy: learnedModelId(generation.id, 'policy'),
    value: hasValue(generation) ? learnedModelId(generation.id, 'value') : 'none',
  });
}
