import { catalogueEntry, displayDtype } from './catalogue';
import type { ModelChoice } from './setup-validate';

/** What a load would download from the hub, for the user to agree to first. */
export interface PendingDownload {
  /** The hub models it would fetch. */
  readonly ids: readonly string[];
  /** Their size in words ("about 512 MB (q8)", or that the size is not known). */
  readonly size: string;
}

/**
 * Where transformers.js keeps a hub model's config.json in the browser's Cache API (its default
 * cache name and the hub's file layout): present once the model was downloaded before.
 */
export const TRANSFORMERS_CACHE = 'transformers-cache';
export const hubConfigUrl = (id: string, hub: string): string =>
  `${hub.replace(/\/+$/, '')}/${id}/resolve/main/config.json`;

/** Hub ids are owner/name; the embedded models ship with the app and need no download. */
const isHub = (id: string): boolean => id.includes('/');

/**
 * The hub models a choice names (the policy, and a value model when it is one), with their size
 * at the dtype they would load with; null when nothing is to be downloaded.
 */
export function pendingDownload(
  models: ModelChoice,
  backend: 'webgpu' | 'wasm',
  confirmed: ReadonlySet<string>,
): PendingDownload | null {
  // On a server engine the policy is the server's: nothing of it is downloaded.
  const policy = models.engine ? [] : [models.policy];
  const ids = [...policy, ...(models.value.kind === 'model' ? [models.value.id] : [])].filter(
    (id) => isHub(id) && !confirmed.has(id),
  );
  if (ids.length === 0) return null;
  let total = 0;
  const dtypes = new Set<string>();
  for (const id of ids) {
    const dtype = displayDtype(id, backend, false, models.dtype);
    const mb = catalogueEntry(id)?.sizesMb[dtype];
    if (mb === undefined) {
      return { ids, size: 'a size this page does not know (not in its catalogue)' };
    }
    total += mb;
    dtypes.add(dtype);
  }
  return { ids, size: `about ${total.toLocaleString('en')} MB (${[...dtypes].join(', ')})` };
}
