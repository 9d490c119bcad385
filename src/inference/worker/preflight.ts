import { env } from '@huggingface/transformers';
import { InferenceError } from '../errors';
import { isHubModel } from './load-errors';
import { isServedFromMemory, prefetchedFile } from './model-file-cache';

/**
 * Asks for a model's config.json before transformers.js loads it, so that the common failures
 * get a message a user can act on (transformers.js reports a missing model as an unreadable
 * tokenizer, and would cache an HTML page as if it were the file). A model already in the
 * browser's cache is not asked for again: it loads with no network at all.
 */
export function configUrl(id: string, hub: string, embeddedPath: string): string {
  return isHubModel(id)
    ? `${hub.replace(/\/+$/, '')}/${id}/resolve/main/config.json`
    : `${embeddedPath}${id}/config.json`;
}

async function cached(url: string): Promise<boolean> {
  if (typeof caches === 'undefined' || !env.useBrowserCache) return false;
  try {
    const cache = await caches.open(env.cacheKey);
    return (await cache.match(url)) !== undefined;
  } catch {
    return false;
  }
}

export async function preflight(id: string, hub: string, embeddedPath: string): Promise<void> {
  const url = configUrl(id, hub, embeddedPath);
  // A learned model's files are made in the worker from the shipped folder's: nothing to ask for.
  if (isServedFromMemory(url)) return;
  if (isHubModel(id) && (await cached(url))) return;
  const where = isHubModel(id) ? `on ${hub}` : 'in the app';
  const fail = (message: string) => new InferenceError('load-failed', `${id}: ${message}`);
  let response: Response;
  try {
    // An embedded model's config.json was asked for when the load started (model-file-cache.ts).
    response =
      (isHubModel(id) ? undefined : await prefetchedFile(url)) ?? (await fetch(url, { cache: 'no-store' }));
  } catch (e) {
    throw fail(
      `could not reach ${isHubModel(id) ? hub : 'the app'} (${e instanceof Error ? e.message : String(e)}); try again`,
    );
  }
  if (response.status === 404) throw fail(`not found ${where} (no config.json at ${url})`);
  if (response.status === 401 || response.status === 403)
    throw fail(`access denied ${where}: a gated or private model`);
  if (!response.ok) throw fail(`the hub failed to serve it (HTTP ${response.status}); try again`);
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    throw fail(`the download was interrupted (${e instanceof Error ? e.message : String(e)}); try again`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/html') || /^\s*</.test(text)) {
    throw fail(
      `the hub at ${hub} answered with an HTML page instead of the model files (is the hub address right?)`,
    );
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw fail(`its config.json is not JSON`);
  }
  if (typeof config !== 'object' || config === null || !('model_type' in config)) {
    throw fail('its config.json names no model_type: not a transformers model');
  }
}
