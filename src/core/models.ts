import type { PromptFormat } from './tasks/task';

/**
 * The two model roles of the blueprint, as the engine sees them. Implementations live in
 * src/inference/ (transformers.js) or in tests (scripted fakes, named as such).
 */

/** One proposed next step. */
export interface StepSample {
  /** The step's text, one line without its newline. */
  readonly text: string;
  /** Sum of the log-probabilities (at temperature 1) of the step's tokens under the policy. */
  readonly logProb: number;
  /** Tokens generated for this step (its newline included). */
  readonly tokens: number;
  /** How the step ended: at its newline, at the model's end-of-sequence, or cut at the token cap. */
  readonly end?: 'newline' | 'eos' | 'length';
}

/** Sample `k` next steps after `steps` (the valid steps so far, in order). */
export interface PolicyRequest {
  readonly steps: readonly string[];
  readonly k: number;
  /**
   * The steps the task's rules allow next, when it can list them. A policy may use them to check
   * text the rules force in fewer model calls; they never change what it samples.
   */
  readonly nextSteps?: readonly string[];
  /**
   * This request's own random stream, as a server's per-request seed: its samples then do not
   * depend on the other requests of the batch. Without it the requests share the call's `seed`.
   */
  readonly seed?: number;
}

export interface PolicyInput {
  /** The task's prompt: the problem as the models read it. */
  readonly prompt: string;
  /** Plain text (the default), or a user message wrapped in the model's chat template. */
  readonly format?: PromptFormat;
  /** What ends a step (default a newline): sampling stops there, and steps are joined with it. */
  readonly stepSeparator?: string;
  readonly requests: readonly PolicyRequest[];
  /** 0 means greedy (argmax). */
  readonly temperature: number;
  /** Seeds the sampling, so the same seed gives the same samples. */
  readonly seed: number;
  /** Cap on generated tokens per step. */
  readonly maxStepTokens: number;
}

/** A given step to score: `step` after `steps` (the steps before it, in order). */
export interface GivenStep {
  readonly steps: readonly string[];
  readonly step: string;
}

export interface ScoreStepsInput {
  readonly prompt: string;
  readonly format?: PromptFormat;
  readonly stepSeparator?: string;
  readonly items: readonly GivenStep[];
}

/** What the policy makes of a given step: the log-probability of its tokens (and separator's). */
export interface StepScore {
  readonly logProb: number;
  readonly tokens: number;
}

export interface Policy {
  /** One array of `k` samples per request, in request order; implementations batch the call. */
  sample(input: PolicyInput): Promise<StepSample[][]>;
  /**
   * Scores steps the policy did not write (a step written by hand), one per item, in order.
   * Optional: a policy that cannot (a server without echo, a scripted fake) leaves it out.
   */
  scoreSteps?(input: ScoreStepsInput): Promise<StepScore[]>;
}

export interface ValueInput {
  readonly prompt: string;
  readonly format?: PromptFormat;
  readonly stepSeparator?: string;
  /** Partial traces: the steps after the prompt, one array per trace. */
  readonly traces: readonly (readonly string[])[];
}

export interface Value {
  /** One estimate in [0, 1] per trace: how likely the target is still reachable. */
  score(input: ValueInput): Promise<number[]>;
}
