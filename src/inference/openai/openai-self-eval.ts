import type { Value, ValueInput } from '../../core/models';
import { selfEvalMessage } from '../self-eval-message';
import type { CompletionsClient } from './completions-client';
import { chatMl } from './engine-prompt';
import { EngineError } from './engine-error';

/** How many alternatives per position the value asks for: "Yes" and "No" should be among them. */
const TOP_LOGPROBS = 20;

/**
 * Self-evaluation on a server engine: the model reads the steps so far and the question, and the
 * value is P("Yes") / (P("Yes") + P("No")) over its next token, read from `top_logprobs` of a
 * one-token, greedy completion (token spellings " Yes", "yes" and so on are summed together).
 */
export class OpenAiSelfEval implements Value {
  constructor(private readonly client: CompletionsClient) {}

  async score(input: ValueInput): Promise<number[]> {
    const separator = input.stepSeparator ?? '\n';
    return Promise.all(
      input.traces.map(async (steps) => {
        const reply = await this.client.complete({
          prompt: chatMl(selfEvalMessage(input.prompt, steps, separator)),
          max_tokens: 1,
          temperature: 0,
          logprobs: TOP_LOGPROBS,
        });
        const top = reply.choices[0]?.logprobs?.top_logprobs?.[0];
        if (!top)
          throw new EngineError(
            'unsupported',
            `the server at ${this.client.base} gives no top log-probabilities, which self-evaluation needs: choose value=none or rollouts`,
          );
        return yesShare(top);
      }),
    );
  }
}

/** P(yes) / (P(yes) + P(no)) over the alternatives given; 0.5 when neither is among them. */
export function yesShare(top: Readonly<Record<string, number>>): number {
  let yes = 0;
  let no = 0;
  for (const [token, logProb] of Object.entries(top)) {
    const word = token.trim().toLowerCase();
    if (word === 'yes') yes += Math.exp(logProb);
    else if (word === 'no') no += Math.exp(logProb);
  }
  return yes + no > 0 ? yes / (yes + no) : 0.5;
}
