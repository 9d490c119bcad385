import * as tf from '@tensorflow/tfjs-core';
import type { GptParams, GptShape, ModelKind, Tensor } from './gpt-params';
import { paramNames } from './gpt-params';

/**
 * The embedded GPT (training/model.py: pre-LN GPT-2, learned positions, exact GELU, tied LM head)
 * written with TensorFlow.js ops so that it has gradients. It is only used to train: inference
 * stays on the ONNX graphs, into which the trained weights are written back (gpt-params.ts).
 *
 * Batches are right-padded with positions 0..T-1 and a plain causal mask, like the training
 * script's forward_train; padding sits after every real token, so it never changes their outputs.
 */
export type Variables = Record<string, tf.Variable>;

const LN_EPS = 1e-5;

export function toVariables(params: GptParams): Variables {
  const vars: Variables = {};
  for (const name of paramNames(params.kind, params.shape.nLayer)) {
    const t = params.tensors[name];
    if (!t) throw new Error(`missing weight ${name}`);
    vars[name] = tf.variable(tf.tensor(t.data, [...t.shape], 'float32'));
  }
  return vars;
}

export async function fromVariables(kind: ModelKind, shape: GptShape, vars: Variables): Promise<GptParams> {
  const tensors: Record<string, Tensor> = {};
  for (const name of paramNames(kind, shape.nLayer)) {
    const v = vars[name];
    if (!v) throw new Error(`missing variable ${name}`);
    tensors[name] = { shape: [...v.shape], data: new Float32Array(await v.data()) };
  }
  return { kind, shape, tensors };
}

function get(vars: Variables, name: string): tf.Variable {
  const v = vars[name];
  if (!v) throw new Error(`missing variable ${name}`);
  return v;
}

/** Swaps the last two axes. */
function swapLast(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const n = perm.length;
  [perm[n - 2], perm[n - 1]] = [perm[n - 1] ?? 0, perm[n - 2] ?? 0];
  return tf.transpose(x, perm);
}

/**
 * a @ b with a gradient that transposes explicitly. The WASM backend's matrix product is about 10x
 * slower with a transposed operand (measured: 126 ms against 8 ms + 3 ms for the transpose, for
 * [2048,128]^T @ [2048,384]), and tfjs's own gradient asks for exactly those.
 */
const mm = tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      return [tf.matMul(dy, swapLast(sb)), tf.matMul(swapLast(sa), dy)];
    },
  };
}) as Parameters<typeof tf.customGrad>[0]) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

function layerNorm(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, LN_EPS))), g), b);
}

function linear(x: tf.Tensor2D, vars: Variables, name: string): tf.Tensor2D {
  return tf.add(mm(x, get(vars, `${name}.weight`)), get(vars, `${name}.bias`)) as tf.Tensor2D;
}

/** Exact GELU, as torch's F.gelu and the exported graph's Erf. */
function gelu(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

/** The causal additive mask [T, T]: 0 where a query may attend, -1e9 after it. */
function causalBias(t: number): tf.Tensor2D {
  const data = new Float32Array(t * t);
  for (let q = 0; q < t; q++) for (let k = q + 1; k < t; k++) data[q * t + k] = -1e9;
  return tf.tensor2d(data, [t, t]);
}

/**
 * Final hidden states [B*T, d] for right-padded ids [B][T]. Token embeddings go through a one-hot
 * matrix product rather than a gather: the WASM backend has no gradient kernel for gather, and
 * with 28 tokens the product is cheap.
 */
export function hidden(vars: Variables, shape: GptShape, ids: tf.Tensor2D): tf.Tensor2D {
  const [b = 0, t = 0] = ids.shape;
  const d = shape.nEmbd;
  const heads = shape.nHead;
  const hd = d / heads;
  const oneHot = tf.cast(tf.oneHot(tf.reshape(ids, [b * t]), shape.vocabSize), 'float32') as tf.Tensor2D;
  const pos = tf.slice(get(vars, 'wpe.weight'), [0, 0], [t, d]);
  let x = tf.reshape(tf.add(tf.reshape(mm(oneHot, get(vars, 'wte.weight')), [b, t, d]), pos), [
    b * t,
    d,
  ]) as tf.Tensor2D;
  const bias = causalBias(t);
  for (let l = 0; l < shape.nLayer; l++) {
    const p = `h.${l}.`;
    const a = layerNorm(x, get(vars, `${p}ln_1.weight`), get(vars, `${p}ln_1.bias`));
    const qkv = tf.transpose(
      tf.reshape(linear(a, vars, `${p}c_attn`), [b, t, 3, heads, hd]),
      [2, 0, 3, 1, 4],
    );
    const [q, k, v] = tf.unstack(qkv) as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
    const att = tf.softmax(tf.add(tf.mul(mm(q, swapLast(k)), 1 / Math.sqrt(hd)), bias));
    const y = tf.reshape(tf.transpose(mm(att, v), [0, 2, 1, 3]), [b * t, d]) as tf.Tensor2D;
    x = tf.add(x, linear(y, vars, `${p}attn_proj`));
    const m = layerNorm(x, get(vars, `${p}ln_2.weight`), get(vars, `${p}ln_2.bias`));
    x = tf.add(x, linear(gelu(linear(m, vars, `${p}c_fc`)), vars, `${p}mlp_proj`));
  }
  return layerNorm(x, get(vars, 'ln_f.weight'), get(vars, 'ln_f.bias'));
}

/** Policy: next-token logits [B*T, V] (the tied head: h @ wte^T). */
export function policyLogits(vars: Variables, shape: GptShape, ids: tf.Tensor2D): tf.Tensor2D {
  return mm(hidden(vars, shape, ids), swapLast(get(vars, 'wte.weight'))) as tf.Tensor2D;
}

/** Value: one logit per position [B*T]; sigmoid(logit) = P(the target can still be reached). */
export function valueLogits(vars: Variables, shape: GptShape, ids: tf.Tensor2D): tf.Tensor1D {
  const h = hidden(vars, shape, ids);
  return tf.reshape(linear(h, vars, 'v_head'), [-1]) as tf.Tensor1D;
}
