import type { CountdownProblem } from '../../core/tasks/countdown';
import type { learn, ModelBytes, ModelHost } from '../learn-loop';
import type { LearnMessage, LearnRequest, StartRequest, WeightBuffers } from './learn-protocol';
import { RunCancelledError, RunGate } from './run-gate';

/**
 * The learn worker's logic, apart from the browser (tested in Node with a fake run): one run at a
 * time; its hooks become messages; pause, resume and cancel go through the run's gate.
 */
export interface LearnWorkerDeps {
  readonly initTf: () => Promise<{ readonly backend: string; readonly reason: string }>;
  readonly host: () => Promise<ModelHost>;
  readonly run: typeof learn;
  readonly evalPuzzles: (count: number) => CountdownProblem[];
  readonly heldOutKeys: () => ReadonlySet<string>;
  /** `transfer`: buffers handed over with the message (weights). */
  readonly post: (message: LearnMessage, transfer?: ArrayBuffer[]) => void;
  readonly yieldTask: () => Promise<void>;
}

/** ArrayBuffers of their own (the loop's bytes may be views into larger buffers it still uses). */
function buffersOf(models: ModelBytes): WeightBuffers {
  return {
    policy: models.policy.slice().buffer,
    value: models.value ? models.value.slice().buffer : null,
  };
}

export function createLearnWorkerHandler(deps: LearnWorkerDeps): (request: LearnRequest) => void {
  let gate: RunGate | null = null;

  const start = async (request: StartRequest, runGate: RunGate) => {
    const tf = await deps.initTf();
    deps.post({ type: 'backend', backend: tf.backend, reason: tf.reason });
    const host = await deps.host();
    await deps.run(
      host,
      deps.evalPuzzles(request.evalPuzzles),
      deps.heldOutKeys(),
      request.config,
      {
        onPhase: (phase, round) => deps.post({ type: 'phase', phase, round }),
        onSelfPlay: (record, index, total) => deps.post({ type: 'self-play', record, index, total }),
        onLoss: (point, round) => deps.post({ type: 'loss', point, round }),
        onGeneration: (generation, models) => {
          const weights = buffersOf(models);
          deps.post({ type: 'generation', generation, weights }, [
            weights.policy,
            ...(weights.value ? [weights.value] : []),
          ]);
        },
        between: runGate.between,
      },
      {
        buffer: request.buffer,
        ...(request.from
          ? {
              from: {
                generation: request.from.generation,
                models: {
                  policy: new Uint8Array(request.from.weights.policy),
                  value: request.from.weights.value ? new Uint8Array(request.from.weights.value) : null,
                },
              },
            }
          : {}),
      },
    );
  };

  return (request) => {
    switch (request.type) {
      case 'start': {
        if (gate) {
          deps.post({ type: 'error', message: 'a run is already going' });
          return;
        }
        // 'paused' is said once the run waits (at its next puzzle or batch), not when asked.
        const runGate = new RunGate(deps.yieldTask, () => deps.post({ type: 'paused' }));
        gate = runGate;
        start(request, runGate)
          .then(
            () => deps.post({ type: 'done' }),
            (e: unknown) =>
              deps.post(
                e instanceof RunCancelledError
                  ? { type: 'cancelled' }
                  : { type: 'error', message: e instanceof Error ? e.message : String(e) },
              ),
          )
          .finally(() => {
            gate = null;
          });
        return;
      }
      case 'pause':
        gate?.pause();
        return;
      case 'resume':
        gate?.resume();
        if (gate) deps.post({ type: 'resumed' });
        return;
      case 'cancel':
        gate?.cancel();
        return;
      default: {
        const never: never = request;
        throw new Error(`unknown request ${JSON.stringify(never)}`);
      }
    }
  };
}
