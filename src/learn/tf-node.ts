import { register } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

/**
 * TensorFlow.js for training in Node: the WASM backend (the same kernels the browser worker runs)
 * and the gradient functions. tfjs-core's Node entry leaves the gradients out, and their ES module
 * files import each other without file extensions, which Node's loader refuses; a resolve hook
 * adds the `.js` for files inside tfjs-core only. (Both copies of tfjs-core share one engine and
 * one gradient registry through tfjs's global namespace.)
 */
const HOOK = `
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && !/\\.[cm]?js$/.test(specifier) &&
      (context.parentURL ?? '').includes('/@tensorflow/tfjs-core/dist/')) {
    try { return await next(specifier + '.js', context); } catch {}
  }
  return next(specifier, context);
}`;

let ready: Promise<void> | undefined;

export function initNodeTf(): Promise<void> {
  ready ??= (async () => {
    register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
    await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
    await tf.setBackend('wasm');
    await tf.ready();
  })();
  return ready;
}
