import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from './batches';
import type { GptShape } from './gpt-params';
import { policyLogits, valueLogits, type Variables } from './gpt-tf';

/**
 * Policy: cross-entropy between the search's visit distribution and the policy, summed over each
 * step's tokens: sum_i w_i * -log p(step_i | prefix) / sum_i w_i. Distilling the search into the
 * policy (AlphaZero's policy target) for steps written as text.
 */
export function policyLoss(vars: Variables, shape: GptShape, batch: Batch): tf.Scalar {
  return tf.tidy(() => {
    const ids = tf.tensor2d(batch.ids, [batch.rows, batch.length], 'int32');
    const logp = tf.logSoftmax(policyLogits(vars, shape, ids));
    const target = tf.oneHot(tf.tensor1d(batch.nextIds, 'int32'), shape.vocabSize);
    const tokenLogp = tf.sum(tf.mul(logp, tf.cast(target, 'float32')), -1);
    const w = tf.tensor1d(batch.policyWeight, 'float32');
    return tf.div(tf.neg(tf.sum(tf.mul(tokenLogp, w))), Math.max(batch.stepWeight, 1e-9)) as tf.Scalar;
  });
}

/** Value: binary cross-entropy of sigmoid(logit) against the targets (outcomes or Q in [0, 1]). */
export function valueLoss(vars: Variables, shape: GptShape, batch: Batch): tf.Scalar {
  return tf.tidy(() => {
    const ids = tf.tensor2d(batch.ids, [batch.rows, batch.length], 'int32');
    const z = valueLogits(vars, shape, ids);
    const y = tf.tensor1d(batch.valueTarget, 'float32');
    const w = tf.tensor1d(batch.valueWeight, 'float32');
    // max(z, 0) - z*y + log(1 + exp(-|z|)): stable for any logit.
    const bce = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
    const count = batch.valueWeight.reduce((a, v) => a + v, 0);
    return tf.div(tf.sum(tf.mul(bce, w)), Math.max(count, 1e-9)) as tf.Scalar;
  });
}
