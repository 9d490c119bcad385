import type { ModelDtype } from './transformers-models';

/** The files transformers.js reads from a local model folder, per weight type. */
export function requiredModelFiles(dtype: ModelDtype): string[] {
  return [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx',
  ];
}

export const COUNTDOWN_POLICY = 'countdown-policy';
export const COUNTDOWN_VALUE = 'countdown-value';
