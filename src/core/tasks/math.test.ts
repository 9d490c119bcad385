import { describe, expect, it } from 'vitest';
import { answerMatches, extractAnswer, mathTask, validateMathProblem } from './math';
import { MATH_PROBLEMS } from './math-problems';

describe('the math task', () => {
  it('reads the final answer a step states, in the usual ways', () => {
    expect(extractAnswer('So she has 15 apples.\nThe answer is 15.')).toBe('15');
    expect(extractAnswer('The answer is $1,250.')).toBe('1,250');
    expect(extractAnswer('Final answer: \\boxed{42}')).toBe('42');
    expect(extractAnswer('answer: -3.5')).toBe('-3.5');
    expect(extractAnswer('#### 7')).toBe('7');
    expect(extractAnswer('She buys 8 more, so 7 + 8 = 15.')).toBeUndefined();
  });

  it('compares answers as numbers', () => {
    expect(answerMatches('1,250', 1250)).toBe(true);
    expect(answerMatches('15.0', 15)).toBe(true);
    expect(answerMatches('3/4', 0.75)).toBe(true);
    expect(answerMatches('14', 15)).toBe(false);
    expect(answerMatches('fifteen', 15)).toBe(false);
  });

  it('judges steps: a paragraph goes on, an answer ends it, checked when the answer is known', () => {
    const problem = { question: 'Mia has 12 apples...', answer: 15 };
    expect(mathTask.checkStep(problem, [], 'Mia starts with 12 apples.')).toEqual({ kind: 'continue' });
    expect(mathTask.checkStep(problem, [], '  ')).toEqual({ kind: 'invalid', reason: 'an empty step' });
    expect(mathTask.checkStep(problem, [], 'The answer is 15.')).toEqual({
      kind: 'final',
      solved: true,
      answer: '15',
    });
    expect(mathTask.checkStep(problem, [], 'The answer is 14.')).toMatchObject({
      kind: 'final',
      solved: false,
    });
    expect(mathTask.checkStep({ question: 'q' }, [], 'The answer is 14.')).toEqual({
      kind: 'final',
      solved: null,
      answer: '14',
    });
  });

  it('writes the problem as a chat message with blank-line steps', () => {
    expect(mathTask.format).toBe('chat');
    expect(mathTask.stepSeparator).toBe('\n\n');
    expect(mathTask.prompt({ question: 'How many?' })).toMatch(
      /The answer is N\.[\s\S]*Problem: How many\?$/,
    );
  });

  it('validates a custom problem and its optional answer with clear messages', () => {
    expect(validateMathProblem('  A box holds 6 pencils. How many in 7 boxes? ', '42')).toEqual({
      question: 'A box holds 6 pencils. How many in 7 boxes?',
      answer: 42,
    });
    expect(validateMathProblem('A box holds 6 pencils. How many in 7 boxes?', '')).toEqual({
      question: 'A box holds 6 pencils. How many in 7 boxes?',
    });
    expect(() => validateMathProblem('short', '1')).toThrow(/at least 10 characters/);
    expect(() => validateMathProblem('A box holds 6 pencils. How many?', 'lots')).toThrow(/must be a number/);
  });

  it('ships about 30 problems of its own, each with a numeric answer and a distinct id', () => {
    expect(MATH_PROBLEMS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(MATH_PROBLEMS.map((p) => p.id)).size).toBe(MATH_PROBLEMS.length);
    for (const p of MATH_PROBLEMS) {
      expect(Number.isFinite(p.answer)).toBe(true);
      expect(p.question.length).toBeGreaterThan(20);
    }
  });
});
