import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { PromptFormat } from '../core/tasks/task';
import { InferenceError } from './errors';

/** The text the models read: the prompt line, then one line per step, each ending in a newline. */
export function traceText(prompt: string, steps: readonly string[], separator = '\n'): string {
  return prompt + steps.map((s) => `${s}${separator}`).join('');
}

/** A user message in the model's chat template, ending with the assistant's turn opening. */
export function chatPrompt(tokenizer: PreTrainedTokenizer, modelName: string, message: string): string {
  if (!tokenizer.chat_template) {
    throw new InferenceError(
      'bad-request',
      `${modelName} has no chat template, so it cannot run a chat task`,
    );
  }
  const text = tokenizer.apply_chat_template([{ role: 'user', content: message }], {
    tokenize: false,
    add_generation_prompt: true,
  });
  if (typeof text !== 'string')
    throw new InferenceError('bad-request', `${modelName}'s chat template gave no text`);
  return text;
}

/** What the model reads for a task's prompt and the steps so far, plain or in the chat template. */
export function contextText(
  tokenizer: PreTrainedTokenizer,
  modelName: string,
  input: { prompt: string; format?: PromptFormat; stepSeparator?: string },
  steps: readonly string[],
): string {
  const head = input.format === 'chat' ? chatPrompt(tokenizer, modelName, input.prompt) : input.prompt;
  return traceText(head, steps, input.stepSeparator ?? '\n');
}
