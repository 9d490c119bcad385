import { InferenceError } from '../errors';

/**
 * What went wrong talking to a server engine, by kind: each gets a message that says what to do,
 * and `retryable` says whether pressing Retry can help (a busy or restarting server) or not (a
 * model the server does not serve).
 */
export type EngineFault =
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'malformed'
  | 'connection'
  | 'unauthorized'
  | 'not-found'
  | 'unsupported';

const RETRYABLE: ReadonlySet<EngineFault> = new Set([
  'timeout',
  'rate-limited',
  'server-error',
  'connection',
  // A body cut off on its way (a proxy, a restart) is usually whole on the next try.
  'malformed',
]);

export class EngineError extends InferenceError {
  override readonly name = 'EngineError';
  readonly retryable: boolean;

  constructor(
    readonly fault: EngineFault,
    message: string,
  ) {
    super('inference-failed', message);
    this.retryable = RETRYABLE.has(fault);
  }
}

/** The error for an HTTP answer that is not 2xx, with the server's own words where it gave some. */
export function httpError(status: number, base: string, detail: string): EngineError {
  const said = detail ? `: ${detail.slice(0, 200)}` : '';
  if (status === 429)
    return new EngineError(
      'rate-limited',
      `the server at ${base} is busy (HTTP 429, too many requests)${said}; wait a moment and retry`,
    );
  if (status === 401 || status === 403)
    return new EngineError(
      'unauthorized',
      `the server at ${base} refused the API key (HTTP ${status})${said}`,
    );
  if (status === 404)
    return new EngineError(
      'not-found',
      `the server at ${base} has no such endpoint or model (HTTP 404)${said}`,
    );
  if (status >= 500)
    return new EngineError(
      'server-error',
      `the server at ${base} failed (HTTP ${status})${said}; retry, or check its log`,
    );
  return new EngineError('unsupported', `the server at ${base} refused the request (HTTP ${status})${said}`);
}
