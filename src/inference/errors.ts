/**
 * Named errors of the inference layer. Over the worker protocol they travel as
 * `{ type: 'error', code, message }` and are rebuilt on the other side from their code.
 */
export type InferenceErrorCode =
  'cancelled' | 'load-failed' | 'not-loaded' | 'inference-failed' | 'bad-request' | 'worker-lost';

export class InferenceError extends Error {
  override readonly name: string = 'InferenceError';
  constructor(
    readonly code: InferenceErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A request stopped on purpose (reset, a new search): not a failure to show the user. */
export class CancelledError extends InferenceError {
  override readonly name = 'CancelledError';
  constructor(message = 'cancelled') {
    super('cancelled', message);
  }
}

export function inferenceError(code: InferenceErrorCode, message: string): InferenceError {
  return code === 'cancelled' ? new CancelledError(message) : new InferenceError(code, message);
}
