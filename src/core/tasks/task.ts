/**
 * What the engine needs to know about a task: how to write the problem for the models, and how to
 * judge one proposed step. Strategies see problems only through this interface.
 */
export type StepCheck =
  /** The step breaks the rules; `reason` says how (shown to the user, kept on the node). */
  | { kind: 'invalid'; reason: string }
  /** A valid step after which the reasoning goes on. */
  | { kind: 'continue' }
  /** A valid step that ends the reasoning with an answer: correct, wrong, or (null) not checkable. */
  | { kind: 'final'; solved: boolean | null; answer: string };

/** How the models read the problem: as plain text, or as a user message in the model's chat template. */
export type PromptFormat = 'plain' | 'chat';

export interface Task<P> {
  readonly name: string;
  readonly format: PromptFormat;
  /** What ends a step in the text the models read and write: a newline, or a blank line. */
  readonly stepSeparator: string;
  /** The text the models see before the first step (plain: ends with the separator). */
  prompt(problem: P): string;
  /** Judges `step` given the valid steps before it. */
  checkStep(problem: P, previous: readonly string[], step: string): StepCheck;
  /** The most steps a solution can take; a chain longer than this has failed. */
  maxSteps(problem: P): number;
}
