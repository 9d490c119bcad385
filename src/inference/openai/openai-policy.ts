import type { Policy, PolicyInput, ScoreStepsInput, StepSample, StepScore } from '../../core/models';
import type { CompletionChoice, CompletionsClient } from './completions-client';
import type { EngineCapabilities } from './engine-probe';
import { echoScores } from './echo-score';
import { EngineError } from './engine-error';
import { engineContext } from './engine-prompt';

/**
 * The policy on a server engine: each request of a batch is its own HTTP request, all sent at
 * once (a parallel search keeps several in flight; the server batches them and reuses the shared
 * prefix through its own prefix cache). `n` draws the k samples in one request where the server
 * supports it, else k requests; `stop` ends a step at the separator; `logprobs` gives the priors;
 * `echo` scores a step written by hand.
 */
export class OpenAiPolicy implements Policy {
  constructor(
    private readonly client: CompletionsClient,
    private readonly capabilities: EngineCapabilities,
  ) {}

  async sample(input: PolicyInput): Promise<StepSample[][]> {
    return Promise.all(
      input.requests.map(async (request, r) => {
        const prompt = engineContext(input, request.steps);
        // Each request, and each of k single-choice requests, gets its own seed from the batch's.
        const seed = (input.seed + 7919 * r) >>> 0;
        const ask = (n: number, s: number) =>
          this.client.complete({
            prompt,
            n,
            max_tokens: input.maxStepTokens,
            temperature: input.temperature,
            seed: s,
            stop: [input.stepSeparator ?? '\n'],
            ...(this.capabilities.logprobs ? { logprobs: 1 } : {}),
          });
        const choices = this.capabilities.n
          ? (await ask(request.k, seed)).choices.slice(0, request.k)
          : (
              await Promise.all(Array.from({ length: request.k }, (_, i) => ask(1, (seed + i) >>> 0)))
            ).flatMap((reply) => reply.choices.slice(0, 1));
        return choices.map(toSample);
      }),
    );
  }

  async scoreSteps(input: ScoreStepsInput): Promise<StepScore[]> {
    if (!this.capabilities.echo)
      throw new EngineError(
        'unsupported',
        `the server at ${this.client.base} does not echo the prompt's log-probabilities, so a step written by hand cannot be scored there`,
      );
    return echoScores(this.client, input);
  }
}

/** A choice as a step: its text trimmed, its log-probability summed, how it ended. */
export function toSample(choice: CompletionChoice): StepSample {
  const logprobs = choice.logprobs?.token_logprobs ?? [];
  const logProb = logprobs.reduce<number>((a, x) => a + (x ?? 0), 0);
  const end =
    choice.finish_reason === 'length'
      ? 'length'
      : typeof choice.stop_reason === 'string'
        ? 'newline'
        : choice.stop_reason === null
          ? 'eos'
          : 'newline';
  // The separator's own token is generated (and counted) but not returned in the text.
  const tokens =
    (logprobs.length > 0 ? logprobs.length : Math.ceil(choice.text.length / 4)) + (end === 'newline' ? 1 : 0);
  return { text: choice.text.trim(), logProb, tokens, end };
}
