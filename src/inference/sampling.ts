import type { Rng } from '../core/rng';

/**
 * Token choice for our own decoding loop: transformers.js 4.x samples with an unseeded generator
 * and reports no log-probabilities, so the loop does both here, seeded by the engine.
 */

/** log-softmax of `logits[offset .. offset + size)` at temperature 1, into a new array. */
export function logSoftmax(logits: ArrayLike<number>, offset: number, size: number): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < size; i++) max = Math.max(max, logits[offset + i] as number);
  let sum = 0;
  for (let i = 0; i < size; i++) sum += Math.exp((logits[offset + i] as number) - max);
  const logZ = max + Math.log(sum);
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = (logits[offset + i] as number) - logZ;
  return out;
}

/** The index of the largest of `size` numbers from `offset` (the first on ties). */
export function argmax(data: ArrayLike<number>, offset: number, size: number): number {
  let best = 0;
  for (let i = 1; i < size; i++)
    if ((data[offset + i] ?? -Infinity) > (data[offset + best] ?? -Infinity)) best = i;
  return best;
}

/** Picks a token from log-probabilities: argmax at temperature 0, else a seeded draw at temperature t. */
export function chooseToken(
  logProbs: Float64Array,
  temperature: number,
  rng: Rng,
  banned: ReadonlySet<number>,
): number {
  if (temperature <= 0) {
    let best = -1;
    for (let i = 0; i < logProbs.length; i++) {
      if (banned.has(i)) continue;
      if (best < 0 || (logProbs[i] as number) > (logProbs[best] as number)) best = i;
    }
    return best;
  }
  const weights = new Array<number>(logProbs.length);
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logProbs.length; i++)
    if (!banned.has(i)) max = Math.max(max, (logProbs[i] as number) / temperature);
  for (let i = 0; i < logProbs.length; i++) {
    weights[i] = banned.has(i) ? 0 : Math.exp((logProbs[i] as number) / temperature - max);
  }
  return rng.pickWeighted(weights);
}
