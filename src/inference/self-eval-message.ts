/**
 * Self-evaluation's question, shared by the in-page self-evaluation (self-eval-value.ts) and the
 * server engine's (openai/openai-self-eval.ts), so that both ask the model the same thing.
 */
export const SELF_EVAL_QUESTION = 'Are the steps so far correct? Answer Yes or No.';

export function selfEvalMessage(prompt: string, steps: readonly string[], separator: string): string {
  const shown = steps.length > 0 ? steps.join(separator) : '(no steps yet)';
  return `${prompt}\n\nSteps so far:\n${shown}\n\n${SELF_EVAL_QUESTION}`;
}
