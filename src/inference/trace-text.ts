/** The text the models read: the prompt line, then one line per step, each ending in a newline. */
export function traceText(prompt: string, steps: readonly string[]): string {
  return prompt + steps.map((s) => `${s}\n`).join('');
}
