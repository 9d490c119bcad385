import {
  AutoModel,
  AutoModelForCausalLM,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type ProgressCallback,
  type Tensor,
} from '@huggingface/transformers';
import { OPTIMIZED_MODEL_NAME } from './model-files';

/**
 * Loading a model folder with transformers.js (the same code in Node and in the worker). The
 * caller configures `env` first (local model path, remote models off); see node-env.ts.
 */
export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16';
export type ModelDevice = 'cpu' | 'wasm' | 'webgpu';

export interface LoadOptions {
  readonly dtype: ModelDtype;
  readonly device?: ModelDevice;
  /**
   * ONNX Runtime's intra-op threads, for the native CPU runtime in Node only (the browser's WASM
   * threads are one global setting). Unset: ONNX Runtime's default, one per core.
   */
  readonly threads?: number;
  /** Per-file loading progress (the worker forwards it to the page's progress bar). */
  readonly onProgress?: ProgressCallback;
  /**
   * fp32 only: load the folder's pre-optimized graph with ONNX Runtime's optimizations off (see
   * OPTIMIZED_MODEL_NAME in model-files.ts); the folder must have one.
   */
  readonly optimized?: boolean;
}

/**
 * The forward call we use: named tensors in, named tensors out (logits, present.*). A decoder's
 * cache goes in as `past_key_values: { 'past_key_values.0.key': ..., ... }`: transformers.js
 * fills in empty tensors when it is absent, overwriting any cache passed as top-level names.
 */
export interface ForwardInputs {
  readonly input_ids: Tensor;
  readonly attention_mask: Tensor;
  readonly position_ids?: Tensor;
  readonly past_key_values?: Record<string, Tensor>;
}
export type ForwardFn = (inputs: ForwardInputs) => Promise<Record<string, Tensor>>;

export interface LoadedModel {
  readonly name: string;
  readonly tokenizer: PreTrainedTokenizer;
  readonly forward: ForwardFn;
  /** The graph's input names (a graph with past_key_values.* inputs can continue from a cache). */
  readonly inputNames: readonly string[];
  /** The weights' type it was loaded with. */
  readonly dtype: ModelDtype;
  readonly config: {
    /** GPT-2's name for the layer count; Qwen2, Llama and Qwen3 say num_hidden_layers. */
    readonly n_layer?: number;
    readonly num_hidden_layers?: number;
    readonly model_type?: string;
    /** Chat models often list several (end of turn, end of text). */
    readonly eos_token_id?: number | readonly number[];
    readonly pad_token_id?: number;
  };
  dispose(): Promise<void>;
}

function wrap(
  name: string,
  tokenizer: PreTrainedTokenizer,
  model: PreTrainedModel,
  dtype: ModelDtype,
): LoadedModel {
  return {
    name,
    dtype,
    tokenizer,
    // transformers.js types forward() as any -> any; our graphs take and return named tensors.
    forward: (inputs) => model.forward(inputs) as Promise<Record<string, Tensor>>,
    config: model.config as LoadedModel['config'],
    // transformers.js keeps the ONNX sessions by name; a plain model's graph is 'model'.
    inputNames:
      (model as unknown as { sessions?: Record<string, { inputNames?: string[] }> }).sessions?.model
        ?.inputNames ?? [],
    dispose: async () => {
      await model.dispose();
    },
  };
}

function pretrainedOptions(options: LoadOptions) {
  const optimized = options.optimized === true && options.dtype === 'fp32';
  const session = {
    ...(options.threads ? { intraOpNumThreads: options.threads } : {}),
    ...(optimized ? { graphOptimizationLevel: 'disabled' as const } : {}),
  };
  return {
    dtype: options.dtype,
    ...(options.device ? { device: options.device } : {}),
    ...(Object.keys(session).length > 0 ? { session_options: session } : {}),
    ...(optimized ? { model_file_name: OPTIMIZED_MODEL_NAME } : {}),
    ...(options.onProgress ? { progress_callback: options.onProgress } : {}),
  };
}

export async function loadCausalLm(name: string, options: LoadOptions): Promise<LoadedModel> {
  const [tokenizer, model] = await Promise.all([
    AutoTokenizer.from_pretrained(name, options.onProgress ? { progress_callback: options.onProgress } : {}),
    AutoModelForCausalLM.from_pretrained(name, pretrainedOptions(options)),
  ]);
  return wrap(name, tokenizer, model, options.dtype);
}

/** A value model: a graph with input_ids and attention_mask in, logits [batch, 1] out. */
export async function loadValueModel(name: string, options: LoadOptions): Promise<LoadedModel> {
  const [tokenizer, model] = await Promise.all([
    AutoTokenizer.from_pretrained(name, options.onProgress ? { progress_callback: options.onProgress } : {}),
    AutoModel.from_pretrained(name, pretrainedOptions(options)),
  ]);
  return wrap(name, tokenizer, model, options.dtype);
}

/** The model's number of layers, whichever name its config gives it. */
export function layerCount(model: Pick<LoadedModel, 'config'>): number {
  return model.config.n_layer ?? model.config.num_hidden_layers ?? 0;
}

export function encodePlain(tokenizer: PreTrainedTokenizer, text: string): number[] {
  return tokenizer.encode(text, { add_special_tokens: false });
}

/**
 * Whether a model's outputs for a sequence are the same whatever else is in the batch. 8-bit
 * graphs quantize activations per call from the whole input's range, so reusing keys/values
 * computed in another batch would change what the model says: the prefix cache stays off there.
 */
export function batchIndependent(model: Pick<LoadedModel, 'dtype'>): boolean {
  return model.dtype !== 'q8';
}
