/**
 * ONNX Runtime's WebAssembly builds, and which one a browser gets. Start-up time is mostly the
 * runtime's (scripts/startup-bench.ts): in Chromium on 2 cores a bare page took 1.6-2 times as
 * long to its first session with the 27 MB `asyncify` build as with the others (its size, and the
 * instrumentation asyncify adds to every function); `jspi` and `plain` took about the same.
 *
 * - `jspi` (17 MB): WASM and WebGPU, with JavaScript Promise Integration (Chromium 137+).
 * - `plain` (14 MB): WASM only; enough where the browser has no WebGPU at all.
 * - `asyncify` (27 MB): WASM and WebGPU in any browser with WebAssembly.
 *
 * The choice must not depend on the backend a load asks for: the runtime initializes once per
 * worker, and a later load (or the backend probe) may need WebGPU in the same worker.
 */
export type RuntimeBuild = 'jspi' | 'plain' | 'asyncify';

export interface RuntimeFeatures {
  /** WebAssembly.Suspending and WebAssembly.promising exist. */
  readonly jspi: boolean;
  /** navigator.gpu exists (whether or not it gives an adapter). */
  readonly webgpu: boolean;
}

export function pickRuntime({ jspi, webgpu }: RuntimeFeatures): RuntimeBuild {
  if (jspi) return 'jspi';
  return webgpu ? 'asyncify' : 'plain';
}
