/**
 * The Content-Security-Policy of the built app (README, "Security"). Only the app's own origin may
 * serve scripts, styles, images and fonts; beyond it the models' hub may be fetched from, and
 * WebAssembly may be compiled. No eval, no inline script, no plugins.
 *
 * It is delivered twice by the build (vite.config.ts): as a <meta> tag at the top of each page's
 * <head>, which works on any static host, and as a response header from `vite preview`. The header
 * matters for the model worker: a dedicated worker takes its policy from its own script's response
 * headers, never from the page's <meta>. A deployment should send the header (cspHeaderValue) on
 * every response.
 */

/** huggingface.co redirects weight downloads to its CDNs (cdn-lfs.hf.co, cas-bridge.xethub.hf.co). */
export const DEFAULT_HUB_ORIGINS: readonly string[] = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
];

export class CspConfigError extends Error {
  override readonly name = 'CspConfigError';
}

/** A source expression CSP reads as a host: `http(s)://host[:port]`, host possibly `*.domain`. */
const HUB_SOURCE = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The hub origins from a space- or comma-separated list (the RLM_HUB_ORIGINS variable), else the
 * default. Refuses anything that is not a plain origin: a quote or semicolon would add directives.
 */
export function hubOrigins(list: string | undefined): readonly string[] {
  const items = (list ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter((s) => s !== '');
  if (items.length === 0) return DEFAULT_HUB_ORIGINS;
  const bad = items.find((s) => !HUB_SOURCE.test(s));
  if (bad !== undefined)
    throw new CspConfigError(`RLM_HUB_ORIGINS: "${bad}" is not an origin like https://huggingface.co`);
  return items;
}

/**
 * The server engines the page may send requests to (engine=openai), from RLM_ENGINE_ORIGINS: none
 * by default, so a deployment names the servers its users may reach (e.g. http://localhost:8000).
 */
export function engineOrigins(list: string | undefined): readonly string[] {
  const items = (list ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter((s) => s !== '');
  const bad = items.find((s) => !HUB_SOURCE.test(s));
  if (bad !== undefined)
    throw new CspConfigError(`RLM_ENGINE_ORIGINS: "${bad}" is not an origin like http://localhost:8000`);
  return items;
}

export interface CspOptions {
  readonly hubs: readonly string[];
  /** Server engines' origins (RLM_ENGINE_ORIGINS); none by default. */
  readonly engines?: readonly string[];
  /** A <meta> policy may not hold frame-ancestors (browsers ignore it there, with a warning). */
  readonly delivery: 'header' | 'meta';
}

/** The directives, in order; exported for the unit test. */
export function cspDirectives({ hubs, engines = [], delivery }: CspOptions): readonly (readonly string[])[] {
  return [
    ['default-src', "'self'"],
    // 'wasm-unsafe-eval': ONNX Runtime compiles its WebAssembly. blob:: when transformers.js keeps
    // ONNX Runtime's WASM factory in its own cache, it imports it from a blob URL (its text patched)
    // and the factory starts its threads from that URL. The app turns that cache off and imports the
    // factory from its own URL (src/inference/worker/ort-runtime.ts); blob: stays for that path.
    // Neither allows eval or inline script.
    ['script-src', "'self'", "'wasm-unsafe-eval'", 'blob:'],
    ['worker-src', "'self'", 'blob:'],
    ['connect-src', "'self'", ...hubs, ...engines],
    // blob:: the PNG export draws the exported SVG from a blob URL.
    ['img-src', "'self'", 'blob:', 'data:'],
    ['style-src', "'self'"],
    ['font-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ...(delivery === 'header' ? [['frame-ancestors', "'self'"]] : []),
  ];
}

export function contentSecurityPolicy(options: CspOptions): string {
  return cspDirectives(options)
    .map((d) => d.join(' '))
    .join('; ');
}
