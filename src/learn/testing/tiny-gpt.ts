import { Rng } from '../../core/rng';
import { paramNames, type GptParams, type GptShape, type ModelKind, type Tensor } from '../gpt-params';

/** A tiny GPT with seeded random weights, for tests of the training code (not a trained model). */
export const TINY_SHAPE: GptShape = { nLayer: 1, nEmbd: 8, nHead: 2, vocabSize: 28, nPositions: 64 };

function shapeFor(name: string, s: GptShape): number[] {
  const d = s.nEmbd;
  if (name === 'wte.weight') return [s.vocabSize, d];
  if (name === 'wpe.weight') return [s.nPositions, d];
  if (name.endsWith('c_attn.weight')) return [d, 3 * d];
  if (name.endsWith('c_attn.bias')) return [3 * d];
  if (name.endsWith('c_fc.weight')) return [d, 4 * d];
  if (name.endsWith('c_fc.bias')) return [4 * d];
  if (name.endsWith('mlp_proj.weight')) return [4 * d, d];
  if (name === 'v_head.weight') return [d, 1];
  if (name === 'v_head.bias') return [1];
  if (name.endsWith('attn_proj.weight')) return [d, d];
  return [d];
}

export function tinyParams(kind: ModelKind, seed: number, shape: GptShape = TINY_SHAPE): GptParams {
  const rng = new Rng(seed);
  const tensors: Record<string, Tensor> = {};
  for (const name of paramNames(kind, shape.nLayer)) {
    const dims = shapeFor(name, shape);
    const n = dims.reduce((a, b) => a * b, 1);
    const isNormGain = /ln_[12f]?\.weight$|ln_f\.weight$/.test(name);
    const data = new Float32Array(n).map(() => (isNormGain ? 1 : 0) + (rng.nextFloat() - 0.5) * 0.6);
    tensors[name] = { shape: dims, data };
  }
  return { kind, shape, tensors };
}
