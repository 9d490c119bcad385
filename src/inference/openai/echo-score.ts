import type { ScoreStepsInput, StepScore } from '../../core/models';
import type { CompletionChoice, CompletionsClient } from './completions-client';
import { EngineError } from './engine-error';
import { engineContext } from './engine-prompt';

/**
 * Scoring a given step on a server: the context and the step go as the prompt with `echo` and
 * `logprobs`, so the answer carries the log-probability of every prompt token (vLLM, SGLang and
 * OpenAI's legacy completions do; llama.cpp's server and Ollama do not). The step's score is the
 * sum over the tokens that start inside it; `max_tokens` is 1 because not every server takes 0, and
 * the one generated token lies past the prompt, so it is left out.
 */
export async function echoScores(client: CompletionsClient, input: ScoreStepsInput): Promise<StepScore[]> {
  return Promise.all(
    input.items.map(async (item) => {
      const context = engineContext(input, item.steps);
      const prompt = `${context}${item.step}${input.stepSeparator ?? '\n'}`;
      const reply = await client.complete({ prompt, max_tokens: 1, temperature: 0, echo: true, logprobs: 1 });
      const choice = reply.choices[0];
      const score = choice ? spanScore(choice, context.length, prompt.length) : null;
      if (!score)
        throw new EngineError(
          'unsupported',
          `the server at ${client.base} did not return the prompt's log-probabilities (echo), so it cannot score a given step`,
        );
      return score;
    }),
  );
}

/**
 * The summed log-probability of the echoed tokens that start in [from, to) of the prompt; null
 * when the choice has no per-token log-probabilities for that span. Offsets come from
 * `text_offset`, or else from the tokens' lengths.
 */
export function spanScore(choice: CompletionChoice, from: number, to: number): StepScore | null {
  const lp = choice.logprobs;
  if (!lp || lp.tokens.length === 0) return null;
  let offsets = lp.text_offset;
  if (!offsets || offsets.length !== lp.tokens.length) {
    let at = 0;
    offsets = lp.tokens.map((t) => {
      const start = at;
      at += t.length;
      return start;
    });
  }
  let logProb = 0;
  let tokens = 0;
  for (let i = 0; i < lp.tokens.length; i++) {
    const start = offsets[i] ?? -1;
    if (start < from || start >= to) continue;
    const x = lp.token_logprobs[i];
    if (x === null || x === undefined) return null;
    logProb += x;
    tokens++;
  }
  return tokens > 0 ? { logProb, tokens } : null;
}
