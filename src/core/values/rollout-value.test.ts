import { describe, expect, it } from 'vitest';
import type { Policy, PolicyInput, StepSample } from '../models';
import { Rng } from '../rng';
import { mathTask, type MathProblem } from '../tasks/math';
import { RolloutValue } from './rollout-value';

/**
 * A FAKE policy for the rollout logic (the point here is how rollouts are run and scored, not a
 * model): it writes two reasoning paragraphs, then an answer; greedy it answers 15, sampling it
 * answers 15 or 14 at random (seeded).
 */
class ScriptedMathPolicy implements Policy {
  calls = 0;
  rows = 0;
  async sample(input: PolicyInput): Promise<StepSample[][]> {
    this.calls++;
    const rng = new Rng(input.seed);
    return input.requests.map((r) => {
      this.rows += r.k;
      return Array.from({ length: r.k }, () => {
        const answer = input.temperature === 0 || rng.nextFloat() < 0.5 ? 15 : 14;
        const text =
          r.steps.length < 2 ? `Step ${r.steps.length + 1} of the reasoning.` : `The answer is ${answer}.`;
        return { text, logProb: -1, tokens: text.length };
      });
    });
  }
}

const problem: MathProblem = { question: 'Mia has 12 apples, gives 5 away and buys 8.', answer: 15 };
const input = (traces: string[][]) => ({
  prompt: mathTask.prompt(problem),
  format: mathTask.format,
  stepSeparator: mathTask.stepSeparator,
  traces,
});

describe('rollout value', () => {
  it('scores by the known answer: greedy rollouts that reach it score 1', async () => {
    const policy = new ScriptedMathPolicy();
    const value = new RolloutValue(policy, mathTask, problem, {
      mode: 'answer',
      rollouts: 1,
      temperature: 0,
      maxStepTokens: 64,
    });
    expect(await value.score(input([[], ['Step 1 of the reasoning.']]))).toEqual([1, 1]);
    // Both traces' rollouts decode together: one batched policy call per depth.
    expect(policy.calls).toBe(3);
    expect(value.generatedTokens).toBeGreaterThan(0);
  });

  it('scores by agreement among sampled rollouts, without needing the answer', async () => {
    const policy = new ScriptedMathPolicy();
    const noAnswer = { question: problem.question };
    const value = new RolloutValue(policy, mathTask, noAnswer, {
      mode: 'agreement',
      rollouts: 8,
      temperature: 1,
      maxStepTokens: 64,
    });
    const [open, answered15, answered99] = await value.score({
      ...input([
        [],
        ['Step 1 of the reasoning.', 'Step 2 of the reasoning.', 'The answer is 15.'],
        ['Step 1 of the reasoning.', 'Step 2 of the reasoning.', 'The answer is 99.'],
      ]),
      prompt: mathTask.prompt(noAnswer),
    });
    expect(open).toBeGreaterThanOrEqual(0.5);
    expect(open).toBeLessThanOrEqual(1);
    expect(answered15).toBeGreaterThan(0);
    expect(answered99).toBe(0);
    expect(policy.rows).toBeGreaterThanOrEqual(8 * 3);
  });

  it('gives the same values for the same traces in any order', async () => {
    const make = () =>
      new RolloutValue(new ScriptedMathPolicy(), mathTask, problem, {
        mode: 'answer',
        rollouts: 6,
        temperature: 1,
        maxStepTokens: 64,
      });
    const a = await make().score(input([['Step 1 of the reasoning.']]));
    const b = await make().score(input([['Step 1 of the reasoning.']]));
    expect(a).toEqual(b);
    expect(a[0]).toBeGreaterThan(0);
    expect(a[0]).toBeLessThan(1);
  });
});
