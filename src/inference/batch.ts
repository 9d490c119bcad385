import { Tensor } from '@huggingface/transformers';

/** Left-padded batch tensors (transformers.js wants int64 ids, masks and positions). */
export interface PaddedBatch {
  readonly inputIds: Tensor;
  readonly attentionMask: Tensor;
  /** Positions count only real tokens, so a left-padded row sees the same positions as alone. */
  readonly positionIds: Tensor;
  /** Real tokens per row. */
  readonly lengths: number[];
  readonly width: number;
}

export function leftPad(rows: readonly (readonly number[])[], padId: number): PaddedBatch {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const n = rows.length * width;
  const ids = new BigInt64Array(n).fill(BigInt(padId));
  const mask = new BigInt64Array(n);
  const pos = new BigInt64Array(n);
  rows.forEach((row, b) => {
    const start = b * width + (width - row.length);
    row.forEach((tok, j) => {
      ids[start + j] = BigInt(tok);
      mask[start + j] = 1n;
      pos[start + j] = BigInt(j);
    });
  });
  const dims = [rows.length, width];
  return {
    inputIds: new Tensor('int64', ids, dims),
    attentionMask: new Tensor('int64', mask, dims),
    positionIds: new Tensor('int64', pos, dims),
    lengths: rows.map((r) => r.length),
    width,
  };
}

export function int64Tensor(values: readonly number[], dims: number[]): Tensor {
  return new Tensor(
    'int64',
    BigInt64Array.from(values, (v) => BigInt(v)),
    dims,
  );
}
