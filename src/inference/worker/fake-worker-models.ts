import type { PolicyInput, StepSample, Value, ValueInput } from '../../core/models';
import { CancelledError } from '../errors';
import type { WorkerModels } from './model-worker-handler';

/**
 * FAKE models for the model worker handler's tests, whose point is the protocol (queue, cancel,
 * errors), not the models: every call waits until the test answers it, so the test decides when
 * each one finishes and what it returns.
 */
export interface HeldCall<A, R> {
  readonly args: A;
  answer(result: R): void;
  fail(error: unknown): void;
}

/** Calls recorded in order, each pending until the test answers or fails it. */
export class HeldCalls<A, R> {
  readonly calls: HeldCall<A, R>[] = [];

  call(args: A): Promise<R> {
    return new Promise<R>((resolve, reject) => this.calls.push({ args, answer: resolve, fail: reject }));
  }

  at(index: number): HeldCall<A, R> {
    const c = this.calls[index];
    if (!c) throw new Error(`call ${index} was never made (${this.calls.length} made)`);
    return c;
  }
}

export interface FakeModelsOptions {
  readonly withValue?: boolean;
  /** A policy that finishes its call even when aborted (the handler must still answer cancelled). */
  readonly ignoresAbort?: boolean;
}

export class FakeWorkerModels implements WorkerModels {
  readonly samples = new HeldCalls<{ input: PolicyInput; signal: AbortSignal }, StepSample[][]>();
  readonly scores = new HeldCalls<ValueInput, number[]>();
  readonly dtype = 'fp32';
  readonly value: Value | undefined;
  disposed = false;

  readonly policy = {
    sample: (input: PolicyInput, signal: AbortSignal): Promise<StepSample[][]> => {
      const pending = this.samples.call({ input, signal });
      const call = this.samples.at(this.samples.calls.length - 1);
      // Like the real policy: an abort stops the generation with CancelledError.
      if (!this.options.ignoresAbort)
        signal.addEventListener('abort', () => call.fail(new CancelledError('generation cancelled')), {
          once: true,
        });
      return pending;
    },
  };

  constructor(
    readonly names: readonly string[],
    private readonly options: FakeModelsOptions = {},
  ) {
    this.value =
      (options.withValue ?? true) ? { score: (input: ValueInput) => this.scores.call(input) } : undefined;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
