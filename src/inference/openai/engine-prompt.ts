import type { PromptFormat } from '../../core/tasks/task';
import { traceText } from '../trace-text';

/**
 * The raw text a server engine completes. `/v1/completions` applies no chat template, so a chat
 * task's user message is wrapped here in ChatML, the template of the catalogue's chat models
 * (Qwen2.5, Qwen3 and SmolLM2 all use <|im_start|> / <|im_end|>).
 */
export function chatMl(message: string): string {
  return `<|im_start|>user\n${message}<|im_end|>\n<|im_start|>assistant\n`;
}

export function engineContext(
  input: { readonly prompt: string; readonly format?: PromptFormat; readonly stepSeparator?: string },
  steps: readonly string[],
): string {
  const head = input.format === 'chat' ? chatMl(input.prompt) : input.prompt;
  return traceText(head, steps, input.stepSeparator ?? '\n');
}
