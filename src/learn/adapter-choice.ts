/**
 * Whether a WebGPU adapter is worth training on: a software fallback (SwiftShader in headless
 * Chromium) runs 30-50x slower than WASM. Pure, so that it is tested without a browser.
 */
export interface AdapterLike {
  readonly info?: {
    readonly isFallbackAdapter?: boolean;
    readonly vendor?: string;
    readonly architecture?: string;
  };
  /** Older Chromium put the flag on the adapter itself. */
  readonly isFallbackAdapter?: boolean;
}

/** Whether an adapter is a real GPU, and a name for it (pure: tested without a browser). */
export function describeAdapter(adapter: AdapterLike | null): { usable: boolean; name: string } {
  if (!adapter) return { usable: false, name: 'no WebGPU adapter' };
  const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  const name = [adapter.info?.vendor, adapter.info?.architecture].filter((s) => s).join(' ') || 'a GPU';
  return { usable: !fallback, name: fallback ? `a software fallback adapter (${name})` : name };
}
