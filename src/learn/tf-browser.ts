/// <reference types="vite/client" />
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { describeAdapter, type AdapterLike } from './adapter-choice';

/**
 * Browser-only (the learn worker): TensorFlow.js for training. The gradients are registered (the
 * browser entry of tfjs-core leaves them out), the WASM backend's binaries come from the app (the
 * app works offline; tfjs would look for them beside its own script), and WebGPU is used only on a
 * real GPU: a fallback adapter (SwiftShader in headless Chromium) runs 30-50x slower than WASM.
 */
export type TrainingBackend = 'wasm' | 'webgpu';

export interface TfBackendReport {
  readonly backend: TrainingBackend;
  /** Why this backend, in words, for the Learn view. */
  readonly reason: string;
}

async function webgpuAdapter(): Promise<AdapterLike | null> {
  const gpu = typeof navigator !== 'undefined' ? navigator.gpu : undefined;
  if (!gpu) return null;
  try {
    return (await gpu.requestAdapter()) as AdapterLike | null;
  } catch {
    return null;
  }
}

async function useWasm(why: string): Promise<TfBackendReport> {
  // One thread: the threaded build starts its pthread workers from the text of its own factory
  // function (Function.toString), which the production bundle has minified into code that refers
  // to names outside it ("e is not defined" in every pthread). The ONNX Runtime sessions beside it
  // use the page's cores for the search.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
  });
  if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js could not start its WASM backend');
  await tf.ready();
  return { backend: 'wasm', reason: `WASM with SIMD, one thread; ${why}` };
}

let ready: Promise<TfBackendReport> | undefined;

/** Picks and starts the backend once per worker. */
export function initBrowserTf(): Promise<TfBackendReport> {
  ready ??= (async () => {
    const { usable, name } = describeAdapter(await webgpuAdapter());
    if (!usable) return useWasm(`WebGPU not used: ${name}`);
    try {
      await import('@tensorflow/tfjs-backend-webgpu');
      if (await tf.setBackend('webgpu')) {
        await tf.ready();
        return { backend: 'webgpu', reason: `WebGPU on ${name}` };
      }
    } catch {
      // Falls through to WASM: a GPU that fails to start trains nothing.
    }
    return useWasm(`WebGPU on ${name} failed to start`);
  })();
  return ready;
}
