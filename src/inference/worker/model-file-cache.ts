import { env } from '@huggingface/transformers';

/**
 * Browser-only (the worker): where transformers.js finds model files before it fetches them (its
 * "custom cache"). The embedded models' files are all asked for the moment a load starts and
 * handed over from memory: transformers.js would otherwise ask for them one round trip after
 * another (the config, then the list of files, then each file, some twice), each answer waiting
 * for the worker's thread, which starting ONNX Runtime keeps busy, so the models' sessions waited
 * for their files. Nor do they go through Cache Storage: the HTTP cache keeps the app's own files,
 * and a copy there would outlive a new version of the app and its models. Hub models are kept in
 * Cache Storage exactly as transformers.js keeps them without this.
 */
const early = new Map<string, Promise<Response | undefined>>();
/** Files made in the worker (learned weights), served from memory until withdrawn. */
const served = new Map<string, Uint8Array | string>();
let embeddedPath = '/models/';

async function browserCache(): Promise<Cache | undefined> {
  if (typeof caches === 'undefined' || !env.useBrowserCache) return undefined;
  try {
    return await caches.open(env.cacheKey);
  } catch {
    // A browser may refuse Cache Storage (a private window); transformers.js then caches nothing.
    return undefined;
  }
}

export function installModelFileCache(modelsPath: string): void {
  embeddedPath = modelsPath;
  env.useCustomCache = true;
  env.customCache = {
    match: async (key: string) => {
      if (!key.startsWith(embeddedPath)) return (await browserCache())?.match(key);
      const made = served.get(key);
      if (made !== undefined) return new Response(typeof made === 'string' ? made : made.slice());
      // Not even a copy an older version of the app left there: transformers.js then fetches it.
      const response = await early.get(key);
      return response?.ok ? response.clone() : undefined;
    },
    put: async (key: string, response: Response) => {
      if (key.startsWith(embeddedPath)) return;
      await (await browserCache())?.put(key, response);
    },
  };
}

/** Asks for an embedded model's files now (paths inside its folder). */
export function prefetchModelFiles(id: string, files: readonly string[]): void {
  for (const file of files) {
    const url = `${embeddedPath}${id}/${file}`;
    if (!early.has(url))
      early.set(
        url,
        fetch(url).catch(() => undefined),
      );
  }
}

/** The answer to a file asked for early: for the preflight's checks, which read it whole. */
export async function prefetchedFile(url: string): Promise<Response | undefined> {
  return (await early.get(url))?.clone();
}

/** Lets the files asked for early go, once their models have loaded (or failed to). */
export function forgetPrefetchedFiles(): void {
  early.clear();
}

/**
 * Serves a model folder that exists only in memory (learned weights), under the embedded models'
 * path as `<id>/<file>`; returns a function that withdraws it (the bytes are let go).
 */
export function serveModelFolder(
  id: string,
  files: Readonly<Record<string, Uint8Array | string>>,
): () => void {
  const urls = Object.keys(files).map((file) => `${embeddedPath}${id}/${file}`);
  Object.entries(files).forEach(([file, body]) => served.set(`${embeddedPath}${id}/${file}`, body));
  return () => urls.forEach((url) => served.delete(url));
}

/** Whether a file is served from memory (so that nothing asks the app for it). */
export function isServedFromMemory(url: string): boolean {
  return served.has(url);
}
