import type { LoadedModel } from '../inference/transformers-models';

/** A model whose forward passes are timed (the benchmark's forward share). */
export function timedModel(model: LoadedModel, clock: { ms: number }): LoadedModel {
  return {
    ...model,
    forward: async (inputs) => {
      const t0 = performance.now();
      try {
        return await model.forward(inputs);
      } finally {
        clock.ms += performance.now() - t0;
      }
    },
  };
}
