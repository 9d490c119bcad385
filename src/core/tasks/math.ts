import type { StepCheck, Task } from './task';

/**
 * Grade-school word problems for instruct models. A step is a paragraph (the model stops at a
 * blank line); the reasoning ends at a step that states the final answer ("The answer is 42",
 * or \boxed{42}), which is checked against the known answer when the problem has one.
 */
export interface MathProblem {
  readonly id?: string;
  readonly question: string;
  /** The known answer; without one a final answer is recorded but not checked. */
  readonly answer?: number;
}

export const MATH_INSTRUCTIONS =
  'Solve the problem step by step. Write each step as a short paragraph and separate steps with a blank line. ' +
  'End with a last paragraph of the form "The answer is N." where N is a number.';

export class InvalidMathProblemError extends Error {
  override readonly name = 'InvalidMathProblemError';
}

export const MAX_QUESTION_LENGTH = 2000;

/** Throws InvalidMathProblemError saying what is wrong. */
export function validateMathProblem(question: string, answer: string): MathProblem {
  const q = question.trim();
  if (q.length < 10) throw new InvalidMathProblemError('write the problem in at least 10 characters');
  if (q.length > MAX_QUESTION_LENGTH)
    throw new InvalidMathProblemError(`the problem is longer than ${MAX_QUESTION_LENGTH} characters`);
  const a = answer.trim();
  if (a === '') return { question: q };
  const n = parseNumber(a);
  if (n === undefined) throw new InvalidMathProblemError(`the answer must be a number, got "${a}"`);
  return { question: q, answer: n };
}

function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/[$,\s]/g, '').replace(/\.$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) {
    const frac = /^(-?\d+)\/(\d+)$/.exec(cleaned);
    if (frac && Number(frac[2]) !== 0) return Number(frac[1]) / Number(frac[2]);
    return undefined;
  }
  return Number(cleaned);
}

const ANSWER_PATTERNS = [
  /\\boxed\{\s*([^{}]+?)\s*\}/,
  /answer\s*(?:is|:|=)\s*\**\s*\$?\s*(-?[\d,]*\.?\d+(?:\/\d+)?)/i,
  /^####\s*(-?[\d,]*\.?\d+)/m,
];

/** The final answer a step states, as written; undefined when the step states none. */
export function extractAnswer(step: string): string | undefined {
  for (const pattern of ANSWER_PATTERNS) {
    const m = pattern.exec(step);
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

/** Whether a stated answer equals the known one (numerically, ignoring $ and thousands commas). */
export function answerMatches(stated: string, known: number): boolean {
  const n = parseNumber(stated);
  return n !== undefined && Math.abs(n - known) < 1e-6 * Math.max(1, Math.abs(known));
}

/** Steps after which a chain is cut: long enough for any grade-school solution. */
const MAX_STEPS = 10;

export const mathTask: Task<MathProblem> = {
  name: 'math',
  format: 'chat',
  stepSeparator: '\n\n',
  prompt: (problem) => `${MATH_INSTRUCTIONS}\n\nProblem: ${problem.question}`,
  checkStep: (problem, _previous, step): StepCheck => {
    if (step.trim() === '') return { kind: 'invalid', reason: 'an empty step' };
    const stated = extractAnswer(step);
    if (stated === undefined) return { kind: 'continue' };
    const solved = problem.answer === undefined ? null : answerMatches(stated, problem.answer);
    return { kind: 'final', solved, answer: stated };
  },
  maxSteps: () => MAX_STEPS,
  wrongAnswer: (answer) => `the answer ${answer} is not the known answer`,
};
