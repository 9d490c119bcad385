/// <reference types="vite/client" />
import { env } from '@huggingface/transformers';
import { InferenceSession } from 'onnxruntime-web/webgpu';
import asyncifyMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import asyncifyWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import jspiMjs from 'onnxruntime-web/ort-wasm-simd-threaded.jspi.mjs?url';
import jspiWasm from 'onnxruntime-web/ort-wasm-simd-threaded.jspi.wasm?url';
import plainMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { pickRuntime, type RuntimeBuild } from './runtime-build';
import { identityModel } from './warm-up-model';

/**
 * Browser-only (the worker): ONNX Runtime's WebAssembly build, served by the app itself
 * (transformers.js would fetch it from a CDN, and the app works offline), and starting it early.
 */
const FILES: Readonly<Record<RuntimeBuild, { readonly mjs: string; readonly wasm: string }>> = {
  jspi: { mjs: jspiMjs, wasm: jspiWasm },
  plain: { mjs: plainMjs, wasm: plainWasm },
  asyncify: { mjs: asyncifyMjs, wasm: asyncifyWasm },
};

/** Chosen once, before the first session: ONNX Runtime initializes once per worker. */
export function configureRuntime(): RuntimeBuild {
  const build = pickRuntime({
    jspi: 'Suspending' in WebAssembly && 'promising' in WebAssembly,
    webgpu: typeof navigator !== 'undefined' && navigator.gpu !== undefined,
  });
  const flags = env.backends.onnx.wasm;
  if (flags) flags.wasmPaths = { ...FILES[build] };
  // transformers.js would download the .wasm whole into its Cache Storage and hand ONNX Runtime the
  // bytes; without it ONNX Runtime streams the file into the compiler as it arrives, and the
  // browser's HTTP cache (and compiled-code cache) keeps it for the next visit.
  env.useWasmCache = false;
  return build;
}

let warming: Promise<void> | undefined;

/**
 * Starts ONNX Runtime now instead of when the first model's files have arrived: its download,
 * compilation and first session (warm-up-model.ts) overlap the models' downloads. Once per
 * worker. For loads that run on WASM only: ONNX Runtime initializes once, and a first session on
 * another backend started meanwhile would fail; sessions on the CPU are made in one go, so the
 * models' own sessions may start while this one is still being made. A failure is left to the
 * models' own loads to report.
 */
export function warmUpRuntime(): Promise<void> {
  // Optimizations off, as for the embedded models (their graphs come optimized): the optimizer's
  // code is then never compiled at all.
  warming ??= InferenceSession.create(identityModel(), {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'disabled',
  })
    .then((session) => session.release())
    .then(
      // Read back by the start-up benchmark (scripts/startup-bench.ts).
      () => void performance.mark('runtime warmed up'),
      () => undefined,
    );
  return warming;
}
