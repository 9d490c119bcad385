import type { LoadedModel } from '../inference/transformers-models';

/** Milliseconds inside each model's forward passes (the benchmark's forward share). */
export interface ForwardClock {
  policy: number;
  value: number;
}

/** A model whose forward passes are timed into `clock[role]`. */
export function timedModel(model: LoadedModel, clock: ForwardClock, role: keyof ForwardClock): LoadedModel {
  return {
    ...model,
    forward: async (inputs) => {
      const t0 = performance.now();
      try {
        return await model.forward(inputs);
      } finally {
        clock[role] += performance.now() - t0;
      }
    },
  };
}
