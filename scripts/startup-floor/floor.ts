/// <reference types="vite/client" />
import * as ort from 'onnxruntime-web/webgpu';
import asyncifyMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import asyncifyWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import jspiMjs from 'onnxruntime-web/ort-wasm-simd-threaded.jspi.mjs?url';
import jspiWasm from 'onnxruntime-web/ort-wasm-simd-threaded.jspi.wasm?url';
import plainMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { ONNX_FILE, OPTIMIZED_ONNX_FILE } from '../../src/inference/model-files';
import { identityModel } from '../../src/inference/worker/warm-up-model';

/**
 * The floor of the start-up benchmark: what onnxruntime-web alone takes to create the sessions of
 * the two embedded models, with no app, no worker and no transformers.js around it (the same
 * JavaScript build of it as transformers.js imports). The runtime starts (a session of a one-node
 * model) while the models download. The page says "models ready" in the same element as the app,
 * so the benchmark times both alike.
 */
const RUNTIMES = {
  plain: { mjs: plainMjs, wasm: plainWasm },
  asyncify: { mjs: asyncifyMjs, wasm: asyncifyWasm },
  jspi: { mjs: jspiMjs, wasm: jspiWasm },
} as const;

const params = new URLSearchParams(window.location.search);
const runtime = params.get('runtime') ?? 'jspi';
// `optimized`: the pre-optimized graphs with optimizations off, as the app loads them on WASM;
// `original`: onnx/model.onnx optimized while the session is made.
const original = params.get('graph') === 'original';
const status = document.querySelector('[data-testid="model-status"]');

function isRuntime(name: string): name is keyof typeof RUNTIMES {
  return name in RUNTIMES;
}

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function main(): Promise<void> {
  if (!isRuntime(runtime)) throw new Error(`unknown runtime ${runtime}`);
  ort.env.wasm.wasmPaths = RUNTIMES[runtime];
  const file = original ? ONNX_FILE.fp32 : OPTIMIZED_ONNX_FILE;
  const models = Promise.all([
    bytes(`/models/countdown-policy/${file}`),
    bytes(`/models/countdown-value/${file}`),
  ]);
  const options = {
    executionProviders: ['wasm'],
    graphOptimizationLevel: original ? 'all' : 'disabled',
  } as const;
  const started = ort.InferenceSession.create(identityModel(), options).then(() => {
    performance.mark('floor: runtime started');
  });
  const [policy, value] = await models;
  performance.mark('floor: models fetched');
  await started;
  await ort.InferenceSession.create(policy, options);
  performance.mark('floor: policy session');
  await ort.InferenceSession.create(value, options);
  performance.mark('floor: value session');
  if (status) status.textContent = 'models ready';
}

main().catch((e: unknown) => {
  if (status) status.textContent = `failed: ${e instanceof Error ? e.message : String(e)}`;
});
