import type { Policy, Value, ValueInput } from '../models';
import type { Task } from '../tasks/task';

/**
 * A value without a trained value model: Monte Carlo rollouts of the policy itself. From a partial
 * trace the policy finishes the solution (all rollouts of all traces decode together, one batched
 * call per step), and the trace is scored by how the rollouts end:
 *  - 'answer': the share of rollouts whose final answer the task's verifier accepts (needs a
 *    known answer; the training-data mode of x1);
 *  - 'agreement': the share of rollouts that reach the most common answer (no answer needed).
 *    A trace that already ends in an answer scores the share of rollouts from its parent that
 *    reach that same answer.
 */
export interface RolloutOptions {
  readonly mode: 'answer' | 'agreement';
  readonly rollouts: number;
  /** 0 = greedy (one rollout is enough then). */
  readonly temperature: number;
  readonly maxStepTokens: number;
}

interface Rollout {
  readonly trace: number;
  steps: string[];
  answer?: string;
  solved?: boolean;
  done: boolean;
}

/** A 32-bit FNV-1a hash: the rollouts of a trace are seeded by its text, so any order gives the same value. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class RolloutValue<P> implements Value {
  /** Tokens the rollouts generated (they are not the search's own steps). */
  generatedTokens = 0;

  constructor(
    private readonly policy: Policy,
    private readonly task: Task<P>,
    private readonly problem: P,
    private readonly options: RolloutOptions,
  ) {}

  async score(input: ValueInput): Promise<number[]> {
    const starts = input.traces.map((steps) => this.startingPoint(steps));
    const rollouts: Rollout[] = [];
    starts.forEach((start, trace) => {
      for (let i = 0; i < this.options.rollouts; i++)
        rollouts.push({ trace, steps: [...start.steps], done: false });
    });
    const seed = hashText(input.prompt + JSON.stringify(input.traces));
    for (let depth = 0; rollouts.some((r) => !r.done); depth++) {
      const active = rollouts.filter((r) => !r.done);
      const samples = await this.policy.sample({
        prompt: input.prompt,
        ...(input.format ? { format: input.format } : {}),
        ...(input.stepSeparator ? { stepSeparator: input.stepSeparator } : {}),
        requests: active.map((r) => ({ steps: r.steps, k: 1 })),
        temperature: this.options.temperature,
        seed: (seed + depth * 0x9e3779b9) >>> 0,
        maxStepTokens: this.options.maxStepTokens,
      });
      active.forEach((r, i) => this.advance(r, samples[i]?.[0]?.text ?? '', samples[i]?.[0]?.tokens ?? 0));
    }
    return starts.map((start, trace) =>
      this.valueOf(
        start.answer,
        rollouts.filter((r) => r.trace === trace),
      ),
    );
  }

  /** Where the rollouts of a trace begin: the trace, or its parent when it already ends in an answer. */
  private startingPoint(steps: readonly string[]): { steps: string[]; answer?: string } {
    const last = steps[steps.length - 1];
    if (last === undefined) return { steps: [] };
    const check = this.task.checkStep(this.problem, steps.slice(0, -1), last);
    return check.kind === 'final'
      ? { steps: steps.slice(0, -1), answer: check.answer }
      : { steps: [...steps] };
  }

  private advance(r: Rollout, text: string, tokens: number): void {
    this.generatedTokens += tokens;
    const check = this.task.checkStep(this.problem, r.steps, text);
    r.steps.push(text);
    if (check.kind === 'invalid') r.done = true;
    else if (check.kind === 'final') {
      r.answer = check.answer;
      r.solved = check.solved === true;
      r.done = true;
    } else if (r.steps.length >= this.task.maxSteps(this.problem)) r.done = true;
  }

  private valueOf(ownAnswer: string | undefined, rollouts: readonly Rollout[]): number {
    if (rollouts.length === 0) return 0;
    if (this.options.mode === 'answer') return rollouts.filter((r) => r.solved).length / rollouts.length;
    const counts = new Map<string, number>();
    for (const r of rollouts)
      if (r.answer !== undefined) counts.set(r.answer, (counts.get(r.answer) ?? 0) + 1);
    if (ownAnswer !== undefined) return (counts.get(ownAnswer) ?? 0) / rollouts.length;
    return Math.max(0, ...counts.values()) / rollouts.length;
  }
}
