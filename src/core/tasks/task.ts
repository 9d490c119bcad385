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
  /**
   * Every step the rules allow after `previous`, for a task that can list them (Countdown: a few
   * dozen). The policy reads from them where the rules force the rest of a step (after `10-4`
   * only `=6 (left: 5 6 6)` can follow) and checks that text in one forward pass instead of
   * drawing it token by token; what it samples stays exactly what it would have sampled.
   */
  nextSteps?(problem: P, previous: readonly string[]): readonly string[];
  /**
   * The state `steps` reach, as a key equal for every order that reaches it (Countdown: the
   * numbers left), for a task where states recur; graph mode merges nodes with the same key.
   */
  stateKey?(problem: P, steps: readonly string[]): string | undefined;
  /**
   * A step as a person may type it, put in the models' format (Countdown: `10-4=6` gains its
   * `(left: 5 6 6)`); text it cannot complete comes back as it was, for the verifier to judge.
   */
  completeStep?(problem: P, previous: readonly string[], text: string): string;
  /** Why a final answer failed, as the tree and the refine critique say it (default: "is not the target"). */
  wrongAnswer?(answer: string): string;
}
