import type { CompletionsClient } from './completions-client';
import { spanScore } from './echo-score';
import { EngineError } from './engine-error';

/** What the server can do, found on connect; `notes` say, in words, what the page does about it. */
export interface EngineCapabilities {
  /** `n` > 1 returns n choices (vLLM, SGLang); else the k samples are k requests. */
  readonly n: boolean;
  /** `logprobs` returns the sampled tokens' log-probabilities (the priors need them). */
  readonly logprobs: boolean;
  /** `echo` with `logprobs` returns the prompt's log-probabilities (scores a step written by hand). */
  readonly echo: boolean;
  readonly notes: readonly string[];
}

/**
 * Asks /v1/models whether the model is served, then one two-choice, one-token completion with
 * log-probabilities: enough to know whether `n` and `logprobs` work.
 */
export async function probeEngine(
  client: CompletionsClient,
  signal?: AbortSignal,
): Promise<EngineCapabilities> {
  const { model } = client.settings;
  const served = await client.models(signal);
  if (!served.includes(model)) {
    const list = served.length > 0 ? served.slice(0, 5).join(', ') : 'no model';
    throw new EngineError('not-found', `the server at ${client.base} serves ${list}, not "${model}"`);
  }
  const [reply, echo] = await Promise.all([
    client.complete({ prompt: 'Hello', n: 2, max_tokens: 1, temperature: 1, seed: 1, logprobs: 1 }, signal),
    echoWorks(client, signal),
  ]);
  const n = reply.choices.length >= 2;
  const logprobs = reply.choices.every((c) => (c.logprobs?.token_logprobs.length ?? 0) > 0);
  const notes: string[] = [];
  if (!n)
    notes.push(
      'the server returns one choice for n > 1 (as llama.cpp and Ollama do): each expansion sends k requests instead',
    );
  if (!logprobs)
    notes.push(
      'the server gives no log-probabilities: every step gets the same prior, and PUCT falls back to visit counts',
    );
  if (!echo)
    notes.push(
      "the server does not echo the prompt's log-probabilities: a step written by hand cannot be scored there",
    );
  return { n, logprobs, echo, notes };
}

/**
 * Whether `echo` returns the prompt's tokens with log-probabilities. A server that refuses the
 * parameter outright (HTTP 400) has no echo; any other failure is the server's and is thrown.
 */
async function echoWorks(client: CompletionsClient, signal?: AbortSignal): Promise<boolean> {
  const prompt = 'Hello there';
  try {
    const reply = await client.complete(
      { prompt, max_tokens: 1, temperature: 0, echo: true, logprobs: 1 },
      signal,
    );
    const choice = reply.choices[0];
    return (
      choice !== undefined && choice.text.startsWith(prompt) && spanScore(choice, 1, prompt.length) !== null
    );
  } catch (e) {
    if (e instanceof EngineError && e.fault === 'unsupported') return false;
    throw e;
  }
}
