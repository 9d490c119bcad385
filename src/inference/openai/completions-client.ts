import { z } from 'zod';
import { CancelledError } from '../errors';
import { EngineError, httpError } from './engine-error';

/**
 * A client of an OpenAI-compatible server's `/v1/completions` (vLLM, SGLang, llama.cpp's server,
 * Ollama): the raw-text endpoint, so the engine controls the prompt exactly, prefix and all. Every
 * failure becomes an EngineError saying what happened; a response is checked before it is used.
 */
export interface EngineSettings {
  /** The server's address, e.g. http://localhost:8000 (with or without /v1). */
  readonly base: string;
  readonly model: string;
  /** Sent as a bearer token; never written to the URL. */
  readonly apiKey?: string;
  /** Milliseconds before a request is given up (default 60 s). */
  readonly timeoutMs?: number;
}

export interface CompletionRequest {
  readonly prompt: string;
  readonly n?: number;
  readonly max_tokens: number;
  readonly temperature: number;
  readonly seed?: number;
  readonly stop?: readonly string[];
  readonly logprobs?: number;
  readonly echo?: boolean;
}

const logprobsSchema = z.object({
  tokens: z.array(z.string()),
  token_logprobs: z.array(z.number().nullable()),
  top_logprobs: z.array(z.record(z.string(), z.number()).nullable()).nullable().optional(),
  // Where each token starts in the choice's text (with `echo`, the prompt's tokens come first).
  text_offset: z.array(z.number()).optional(),
});

const choiceSchema = z.object({
  index: z.number().int().optional(),
  text: z.string(),
  logprobs: logprobsSchema.nullable().optional(),
  finish_reason: z.string().nullable().optional(),
  // vLLM: the stop string that ended the text, null when the model's end-of-sequence did.
  stop_reason: z.union([z.string(), z.number()]).nullable().optional(),
});

const completionSchema = z.object({
  choices: z.array(choiceSchema).min(1),
  usage: z.object({ completion_tokens: z.number().optional() }).partial().nullable().optional(),
});

export type CompletionChoice = z.infer<typeof choiceSchema>;
export type CompletionResponse = z.infer<typeof completionSchema>;

/** The base without a trailing slash or /v1, so that both spellings a user may paste work. */
export function normalizeBase(base: string): string {
  return base.trim().replace(/\/+$/, '').replace(/\/v1$/, '');
}

export class CompletionsClient {
  readonly base: string;
  /** Requests sent and not yet answered, and the most seen at once (parallel search shows here). */
  inFlight = 0;
  maxInFlight = 0;
  private readonly running = new Set<AbortController>();
  private readonly cancelled = new WeakSet<AbortController>();

  constructor(
    readonly settings: EngineSettings,
    private readonly fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {
    this.base = normalizeBase(settings.base);
  }

  async complete(body: CompletionRequest, signal?: AbortSignal): Promise<CompletionResponse> {
    const json = await this.call('/v1/completions', { ...body, model: this.settings.model }, signal);
    const parsed = completionSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EngineError(
        'malformed',
        `the server at ${this.base} answered with JSON that is not a completion (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'unexpected shape'})`,
      );
    }
    return parsed.data;
  }

  /** Stops every request in flight: each rejects with CancelledError (a reset, a new search). */
  cancelAll(): void {
    for (const c of this.running) {
      this.cancelled.add(c);
      c.abort();
    }
  }

  /** The model ids the server lists at /v1/models. */
  async models(signal?: AbortSignal): Promise<string[]> {
    const json = await this.call('/v1/models', undefined, signal);
    const parsed = z.object({ data: z.array(z.object({ id: z.string() })) }).safeParse(json);
    if (!parsed.success)
      throw new EngineError(
        'malformed',
        `the server at ${this.base} lists its models in an unexpected shape`,
      );
    return parsed.data.data.map((m) => m.id);
  }

  private async call(path: string, body: object | undefined, signal?: AbortSignal): Promise<unknown> {
    const timeoutMs = this.settings.timeoutMs ?? 60_000;
    const timer = new AbortController();
    this.running.add(timer);
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const onAbort = () => {
      this.cancelled.add(timer);
      timer.abort();
    };
    signal?.addEventListener('abort', onAbort);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      let response: Response;
      try {
        response = await this.fetchImpl(`${this.base}${path}`, {
          method: body ? 'POST' : 'GET',
          headers,
          ...(body ? { body: JSON.stringify(body) } : {}),
          signal: timer.signal,
        });
      } catch (e) {
        throw this.transportError(e, timer, timeoutMs);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (e) {
        const error = this.transportError(e, timer, timeoutMs);
        if (error instanceof EngineError && error.fault === 'connection')
          throw new EngineError(
            'connection',
            `the connection to the server at ${this.base} was cut before its answer was complete`,
          );
        throw error;
      }
      if (!response.ok) throw httpError(response.status, this.base, errorDetail(text));
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new EngineError(
          'malformed',
          `the server at ${this.base} answered ${path} with something that is not JSON (${JSON.stringify(text.slice(0, 60))})`,
        );
      }
    } finally {
      this.inFlight--;
      this.running.delete(timer);
      clearTimeout(timeout);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private transportError(
    e: unknown,
    timer: AbortController,
    timeoutMs: number,
  ): EngineError | CancelledError {
    if (this.cancelled.has(timer)) return new CancelledError();
    if (timer.signal.aborted)
      return new EngineError(
        'timeout',
        `the server at ${this.base} did not answer within ${Math.round(timeoutMs / 1000)} s`,
      );
    const why = e instanceof Error ? e.message : String(e);
    return new EngineError(
      'connection',
      `could not reach the server at ${this.base} (${why}): is it running, and does it allow this page's origin (CORS)?`,
    );
  }
}

/** The message an OpenAI-style error body carries, or the start of the body. */
function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    if (typeof body.error === 'string') return body.error;
    return body.error?.message ?? body.message ?? '';
  } catch {
    return text.slice(0, 120);
  }
}
