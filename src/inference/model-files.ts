import type { ModelDtype } from './transformers-models';

/** The weights file transformers.js picks for each weight type. */
export const ONNX_FILE: Readonly<Record<ModelDtype, string>> = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
  q4: 'onnx/model_q4.onnx',
  q4f16: 'onnx/model_q4f16.onnx',
};

/**
 * The fp32 graph with ONNX Runtime's graph optimizations already applied (written by
 * scripts/optimize-models.ts from onnx/model.onnx, and checked to give exactly its outputs). The
 * WASM backend loads it with optimizations off: a session is made faster, and the optimizer's code
 * is never compiled. transformers.js finds it as the model file name `model_optimized`.
 */
export const OPTIMIZED_MODEL_NAME = 'model_optimized';
export const OPTIMIZED_ONNX_FILE = `onnx/${OPTIMIZED_MODEL_NAME}.onnx`;

/** The files transformers.js reads from a local model folder, per weight type. */
export function requiredModelFiles(dtype: ModelDtype, optimized = false): string[] {
  const graph = optimized && dtype === 'fp32' ? OPTIMIZED_ONNX_FILE : ONNX_FILE[dtype];
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', graph];
}

export const COUNTDOWN_POLICY = 'countdown-policy';
export const COUNTDOWN_VALUE = 'countdown-value';
/** The outcome reward model: the value's architecture, trained on final results alone (training/train-orm.sh). */
export const COUNTDOWN_ORM = 'countdown-orm';
