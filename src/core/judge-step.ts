import type { NewChild } from './events';
import type { Task } from './tasks/task';

/** A sampled step before the verifier has judged it. */
export type UnjudgedChild = Pick<NewChild, 'text' | 'logProb' | 'prior' | 'tokens' | 'samples'>;

/**
 * The task's verifier on one new step: invalid steps and wrong final answers fail (with the reason
 * the tree keeps), a correct final answer solves, an answer nothing can check is answered.
 */
export function judgeStep<P>(
  task: Task<P>,
  problem: P,
  previous: readonly string[],
  base: UnjudgedChild,
): NewChild {
  const check = task.checkStep(problem, previous, base.text);
  switch (check.kind) {
    case 'invalid':
      return { ...base, status: 'failed', reason: check.reason };
    case 'continue':
      return { ...base, status: 'open' };
    case 'final':
      if (check.solved === null) return { ...base, status: 'answered', answer: check.answer };
      return check.solved
        ? { ...base, status: 'solved', answer: check.answer }
        : {
            ...base,
            status: 'failed',
            answer: check.answer,
            reason: task.wrongAnswer?.(check.answer) ?? `the answer ${check.answer} is not the target`,
          };
  }
}
