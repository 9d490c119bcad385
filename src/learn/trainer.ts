import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import { makeBatch, plan, rowsFor, type TokenRow } from './batches';
import type { GptParams } from './gpt-params';
import { fromVariables, toVariables } from './gpt-tf';
import { policyLoss, valueLoss } from './losses';

/**
 * Gradient descent on one model (Adam), with a held-out split measured before training and after
 * every epoch. Runs wherever TensorFlow.js has a backend: WASM in Node, WASM or WebGPU in a worker.
 */
export interface TrainOptions {
  readonly epochs: number;
  readonly learningRate: number;
  /** Padded tokens per batch. */
  readonly batchTokens: number;
  readonly seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 2, learningRate: 3e-4, batchTokens: 2048, seed: 1 };

export interface LossPoint {
  readonly model: 'policy' | 'value';
  /** Batches done so far. */
  readonly step: number;
  readonly epoch: number;
  /** Mean training loss over the batches since the last point (absent at step 0). */
  readonly train?: number;
  /** Held-out loss, measured at step 0 and at the end of each epoch. */
  readonly heldOut?: number;
}

export interface TrainHooks {
  onPoint?(point: LossPoint): void;
  /** Awaited between batches: a pause holds it, a cancel throws from it. */
  between?(): Promise<void>;
}

export interface TrainResult {
  readonly params: GptParams;
  readonly curve: LossPoint[];
  readonly trainRows: number;
  readonly heldOutRows: number;
  /** Held-out loss after the last epoch (before training when there was nothing to train on). */
  readonly heldOutLoss: number | null;
}

function shuffler(seed: number): <T>(xs: T[]) => T[] {
  const rng = new Rng(seed);
  return <T>(xs: T[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  };
}

export async function trainModel(
  params: GptParams,
  train: readonly TokenRow[],
  heldOut: readonly TokenRow[],
  options: TrainOptions,
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const kind = params.kind;
  const shape = params.shape;
  const trainRows = rowsFor(kind, train, shape.nPositions);
  const heldRows = rowsFor(kind, heldOut, shape.nPositions);
  const lossOf = kind === 'policy' ? policyLoss : valueLoss;
  const vars = toVariables(params);
  const shuffle = shuffler(options.seed);
  const curve: LossPoint[] = [];
  const point = (p: LossPoint) => {
    curve.push(p);
    hooks.onPoint?.(p);
  };
  const measure = (): number | null => {
    if (heldRows.length === 0) return null;
    let weighted = 0;
    let count = 0;
    for (const rows of plan(heldRows, options.batchTokens * 2, (xs) => xs)) {
      const batch = makeBatch(rows);
      const loss = lossOf(vars, shape, batch);
      weighted += loss.dataSync()[0]! * rows.length;
      count += rows.length;
      loss.dispose();
    }
    return weighted / count;
  };
  let heldOutLoss = measure();
  point({ model: kind, step: 0, epoch: 0, ...(heldOutLoss === null ? {} : { heldOut: heldOutLoss }) });
  const optimizer = tf.train.adam(options.learningRate);
  let step = 0;
  try {
    for (let epoch = 1; epoch <= options.epochs && trainRows.length > 0; epoch++) {
      const batches = plan(trainRows, options.batchTokens, shuffle);
      let sum = 0;
      let n = 0;
      for (const [i, rows] of batches.entries()) {
        await hooks.between?.();
        const batch = makeBatch(rows);
        const cost = optimizer.minimize(() => lossOf(vars, shape, batch), true);
        sum += cost ? (await cost.data())[0]! : 0;
        cost?.dispose();
        n++;
        step++;
        const last = i === batches.length - 1;
        if (last || n >= 8) {
          if (last) heldOutLoss = measure();
          point({
            model: kind,
            step,
            epoch,
            train: sum / n,
            ...(last && heldOutLoss !== null ? { heldOut: heldOutLoss } : {}),
          });
          sum = 0;
          n = 0;
        }
      }
    }
    return {
      params: await fromVariables(kind, shape, vars),
      curve,
      trainRows: trainRows.length,
      heldOutRows: heldRows.length,
      heldOutLoss,
    };
  } finally {
    optimizer.dispose();
    Object.values(vars).forEach((v) => v.dispose());
  }
}
