import { InferenceError } from '../errors';
import { readWeights } from '../learned-db';
import { parseLearnedModelId, type LearnedKind } from '../learned-models';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE, ONNX_FILE } from '../model-files';
import { serveModelFolder } from './model-file-cache';

/**
 * Browser-only (a worker): a learned model served to transformers.js as if it were an embedded
 * folder: the shipped Countdown folder's config and tokenizer files with the learned ONNX graph
 * (fp32; learned weights have no pre-optimized graph).
 */
const FOLDER_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];
const baseFiles = new Map<LearnedKind, Promise<Record<string, string>>>();

function shippedFolder(kind: LearnedKind): string {
  return kind === 'policy' ? COUNTDOWN_POLICY : COUNTDOWN_VALUE;
}

/** The shipped folder's small files, read once per worker. */
function folderFiles(embeddedPath: string, kind: LearnedKind): Promise<Record<string, string>> {
  let files = baseFiles.get(kind);
  if (!files) {
    files = Promise.all(
      FOLDER_FILES.map(async (file) => {
        const url = `${embeddedPath}${shippedFolder(kind)}/${file}`;
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return [file, await response.text()] as const;
      }),
    ).then(Object.fromEntries);
    files.catch(() => baseFiles.delete(kind));
    baseFiles.set(kind, files);
  }
  return files;
}

/** Serves `onnx` as model `id` (a folder under the embedded path); returns the withdrawal. */
export async function serveModelBytes(
  embeddedPath: string,
  id: string,
  kind: LearnedKind,
  onnx: Uint8Array,
): Promise<() => void> {
  const files = await folderFiles(embeddedPath, kind);
  return serveModelFolder(id, { ...files, [ONNX_FILE.fp32]: onnx });
}

/** Serves a learned model from IndexedDB by its id (learned-<generation>-<kind>). */
export async function serveLearnedModel(embeddedPath: string, id: string): Promise<() => void> {
  const learned = parseLearnedModelId(id);
  if (!learned) throw new InferenceError('load-failed', `${id}: not a learned model id`);
  let weights;
  try {
    weights = await readWeights(learned.generationId);
  } catch (e) {
    throw new InferenceError(
      'load-failed',
      `${id}: this browser's storage (IndexedDB) could not be read (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const bytes = learned.kind === 'policy' ? weights?.policy : weights?.value;
  const generation =
    learned.round === null ? learned.generationId : `${learned.round} (${learned.generationId})`;
  if (!bytes)
    throw new InferenceError(
      'load-failed',
      learned.kind === 'value' && weights
        ? `${id}: generation ${generation} has no value model (it starts from none); pick another value`
        : `${id}: the weights of generation ${generation} are not in this browser's storage (cleared, or made in another browser); pick another model, or export the generation as a .tar where it was made`,
    );
  return serveModelBytes(embeddedPath, id, learned.kind, new Uint8Array(bytes));
}
