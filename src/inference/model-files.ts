import type { ModelDtype } from './transformers-models';

/** The weights file transformers.js picks for each weight type. */
export const ONNX_FILE: Readonly<Record<ModelDtype, string>> = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
  q4: 'onnx/model_q4.onnx',
  q4f16: 'onnx/model_q4f16.onnx',
};

/** The files transformers.js reads from a local model folder, per weight type. */
export function requiredModelFiles(dtype: ModelDtype): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', ONNX_FILE[dtype]];
}

export const COUNTDOWN_POLICY = 'countdown-policy';
export const COUNTDOWN_VALUE = 'countdown-value';
