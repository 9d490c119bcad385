import { describe, expect, it } from 'vitest';
import {
  countdownTask,
  formatPrompt,
  InvalidProblemError,
  parseStep,
  validateCountdownProblem,
  validSteps,
  verifyStep,
  verifyTrace,
} from './countdown';

const problem = { numbers: [4, 5, 6, 10], target: 24 };

describe('countdown verifier', () => {
  it('accepts a correct step and returns the sorted remaining numbers', () => {
    expect(verifyStep([4, 5, 6, 10], '10-4=6 (left: 5 6 6)')).toEqual({
      ok: true,
      step: { a: 10, op: '-', b: 4, result: 6, left: [5, 6, 6] },
      remaining: [5, 6, 6],
    });
  });

  it('accepts the operands in either order when the arithmetic holds', () => {
    expect(verifyStep([4, 5, 6, 10], '4+10=14 (left: 5 6 14)').ok).toBe(true);
  });

  it.each([
    ['10-4=7 (left: 5 6 7)', '10-4 is 6, not 7'],
    ['10-7=3 (left: 3 4 5 6)', 'not both among the remaining numbers'],
    ['4-10=-6 (left: 5 6)', 'not a step'],
    ['4-4=0 (left: 0 5 6 10)', 'not both among'],
    ['5-6=1 (left: 1 4 10)', '5-6 is not a positive integer'],
    ['10/4=2 (left: 2 5 6)', '10/4 is not a positive integer'],
    ['10-4=6 (left: 5 6)', 'the numbers left are 5 6 6, not 5 6'],
    ['10-4=6 (left: 5 6 7)', 'the numbers left are 5 6 6'],
    ['ten minus four', 'not a step'],
    ['', 'not a step'],
  ])('rejects %j with a reason', (text, reason) => {
    const verdict = verifyStep([4, 5, 6, 10], text);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });

  it('needs two copies of a number to use it twice', () => {
    expect(verifyStep([5, 6, 6], '6*6=36 (left: 5 36)').ok).toBe(true);
    expect(verifyStep([4, 5, 6, 10], '6*6=36 (left: 4 5 10 36)').ok).toBe(false);
  });

  it('verifies a whole trace and its outcome', () => {
    const steps = ['10-4=6 (left: 5 6 6)', '6-5=1 (left: 1 6)', '6/1=6 (left: 6)'];
    expect(verifyTrace(problem, steps)).toEqual({ ok: true, remaining: [6], complete: true, solved: false });
    const solution = ['10-6=4 (left: 4 4 5)', '5+4=9 (left: 4 9)'];
    expect(verifyTrace(problem, solution)).toMatchObject({ ok: true, complete: false, solved: false });
    const win = ['5*4=20 (left: 6 10 20)', '20-6=14 (left: 10 14)', '14+10=24 (left: 24)'];
    expect(verifyTrace(problem, win)).toEqual({ ok: true, remaining: [24], complete: true, solved: true });
    expect(verifyTrace(problem, ['10-4=6 (left: 5 6 6)', '9-1=8 (left: 6 8)'])).toMatchObject({
      ok: false,
      stepIndex: 1,
    });
  });

  it('judges steps for the engine: continue, final solved, final wrong, invalid', () => {
    expect(countdownTask.checkStep(problem, [], '10-4=6 (left: 5 6 6)')).toEqual({ kind: 'continue' });
    const two = ['5*4=20 (left: 6 10 20)', '20-6=14 (left: 10 14)'];
    expect(countdownTask.checkStep(problem, two, '14+10=24 (left: 24)')).toEqual({
      kind: 'final',
      solved: true,
      answer: '24',
    });
    expect(countdownTask.checkStep(problem, two, '14-10=4 (left: 4)')).toEqual({
      kind: 'final',
      solved: false,
      answer: '4',
    });
    expect(countdownTask.checkStep(problem, two, '14+10=25 (left: 25)').kind).toBe('invalid');
    expect(countdownTask.maxSteps(problem)).toBe(3);
  });

  it('writes the prompt with sorted numbers', () => {
    expect(formatPrompt({ numbers: [10, 4, 6, 5], target: 24 })).toBe('4 5 6 10 -> 24\n');
  });

  it('parses the step format', () => {
    expect(parseStep('13*12=156 (left: 1 156)')).toEqual({
      a: 13,
      op: '*',
      b: 12,
      result: 156,
      left: [1, 156],
    });
    expect(parseStep('13*12=156 (left: )')).toBeUndefined();
  });
});

describe('countdown: the steps the rules allow next', () => {
  it("lists every valid step from 4 5 6 10 once, in the models' format, and only valid ones", () => {
    const steps = validSteps([4, 5, 6, 10]);
    expect(steps).toContain('10-4=6 (left: 5 6 6)');
    expect(steps).toContain('6*4=24 (left: 5 10 24)');
    expect(steps).toContain('10/5=2 (left: 2 4 6)');
    expect(steps).not.toContain('4-10=6 (left: 5 6 6)');
    expect(new Set(steps).size).toBe(steps.length);
    for (const s of steps) expect(verifyStep([4, 5, 6, 10], s).ok).toBe(true);
    // 6 pairs; + * always, - always (distinct values), / where exact: 10/5 only.
    expect(steps).toHaveLength(6 * 3 + 1);
  });

  it('lists each pair of equal values once', () => {
    expect(validSteps([6, 6])).toEqual(['6+6=12 (left: 12)', '6*6=36 (left: 36)', '6/6=1 (left: 1)']);
  });

  it('gives the next steps of a trace, and none once the puzzle is finished or broken', () => {
    const problem = { numbers: [4, 5, 6, 10], target: 24 };
    expect(countdownTask.nextSteps?.(problem, ['10-4=6 (left: 5 6 6)'])).toEqual(validSteps([5, 6, 6]));
    expect(countdownTask.nextSteps?.(problem, ['10-4=7 (left: 5 6 7)'])).toEqual([]);
    const solved = ['10-4=6 (left: 5 6 6)', '6*5=30 (left: 6 30)', '30-6=24 (left: 24)'];
    expect(countdownTask.nextSteps?.(problem, solved)).toEqual([]);
  });
});

describe('countdown problem validation', () => {
  it('accepts 3 to 5 numbers from 1..13 and a target 1..100', () => {
    expect(validateCountdownProblem({ numbers: [1, 2, 3], target: 6 })).toEqual({
      numbers: [1, 2, 3],
      target: 6,
    });
    expect(validateCountdownProblem({ numbers: [1, 2, 3, 4, 13], target: 100 }).numbers).toHaveLength(5);
  });

  it.each([
    [null, 'must be an object'],
    [{ numbers: '1 2 3', target: 4 }, 'must be an array'],
    [{ numbers: [1, 2], target: 4 }, 'got 2'],
    [{ numbers: [1, 2, 3, 4, 5, 6], target: 4 }, 'got 6'],
    [{ numbers: [1, 2, 14], target: 4 }, 'got 14'],
    [{ numbers: [1, 2, 2.5], target: 4 }, 'got 2.5'],
    [{ numbers: [1, 2, 3], target: 0 }, '"target" must be an integer from 1 to 100, got 0'],
    [{ numbers: [1, 2, 3] }, 'got undefined'],
  ])('rejects %j', (value, message) => {
    expect(() => validateCountdownProblem(value)).toThrow(InvalidProblemError);
    expect(() => validateCountdownProblem(value)).toThrow(message);
  });
});
