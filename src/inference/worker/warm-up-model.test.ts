import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { identityModel } from './warm-up-model';

describe('identityModel', () => {
  it('is a model ONNX Runtime loads and runs: y = x', async () => {
    const session = await ort.InferenceSession.create(identityModel());
    expect(session.inputNames).toEqual(['x']);
    expect(session.outputNames).toEqual(['y']);
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([2.5]), [1]) });
    expect(out['y']?.data).toEqual(new Float32Array([2.5]));
    await session.release();
  });
});
