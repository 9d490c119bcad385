import type { StepCheck, Task } from './task';

/**
 * Countdown: combine the numbers two at a time with + - * / (every intermediate a positive
 * integer, division only when exact) until one number is left; solved when it equals the target.
 * Game of 24 is the preset with target 24. A step is one line: `10-4=6 (left: 5 6 6)`.
 */
export interface CountdownProblem {
  readonly numbers: readonly number[];
  readonly target: number;
}

export type Operator = '+' | '-' | '*' | '/';
export const OPERATORS: readonly Operator[] = ['+', '-', '*', '/'];

export interface CountdownStep {
  readonly a: number;
  readonly op: Operator;
  readonly b: number;
  readonly result: number;
  readonly left: readonly number[];
}

export const MIN_NUMBERS = 3;
export const MAX_NUMBERS = 5;
export const MAX_INPUT_NUMBER = 13;
export const MAX_TARGET = 100;

export class InvalidProblemError extends Error {
  override readonly name = 'InvalidProblemError';
}

/** Throws InvalidProblemError saying what is wrong; returns the problem with numbers as given. */
export function validateCountdownProblem(value: unknown): CountdownProblem {
  if (typeof value !== 'object' || value === null)
    throw new InvalidProblemError('a puzzle must be an object');
  const { numbers, target } = value as { numbers?: unknown; target?: unknown };
  if (!Array.isArray(numbers)) throw new InvalidProblemError('"numbers" must be an array of integers');
  if (numbers.length < MIN_NUMBERS || numbers.length > MAX_NUMBERS) {
    throw new InvalidProblemError(
      `"numbers" must hold ${MIN_NUMBERS} to ${MAX_NUMBERS} numbers, got ${numbers.length}`,
    );
  }
  for (const n of numbers) {
    if (!Number.isInteger(n) || n < 1 || n > MAX_INPUT_NUMBER) {
      throw new InvalidProblemError(
        `every number must be an integer from 1 to ${MAX_INPUT_NUMBER}, got ${JSON.stringify(n)}`,
      );
    }
  }
  if (!Number.isInteger(target) || (target as number) < 1 || (target as number) > MAX_TARGET) {
    throw new InvalidProblemError(
      `"target" must be an integer from 1 to ${MAX_TARGET}, got ${JSON.stringify(target)}`,
    );
  }
  return { numbers: numbers as number[], target: target as number };
}

export function sortedNumbers(numbers: readonly number[]): number[] {
  return [...numbers].sort((x, y) => x - y);
}

/** The result of `a op b` under Countdown rules, or undefined when the rules forbid it. */
export function applyOperator(a: number, op: Operator, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b > 0 ? a - b : undefined;
    case '*':
      return a * b;
    case '/':
      return b !== 0 && a % b === 0 ? a / b : undefined;
  }
}

export function formatStep(step: CountdownStep): string {
  return `${step.a}${step.op}${step.b}=${step.result} (left: ${step.left.join(' ')})`;
}

export function formatPrompt(problem: CountdownProblem): string {
  return `${sortedNumbers(problem.numbers).join(' ')} -> ${problem.target}\n`;
}

/** A step typed without its numbers left: `10 - 4 = 6`. */
const SHORT_STEP = /^\s*(\d+)\s*([+\-*/])\s*(\d+)\s*=\s*(\d+)\s*$/;
const STEP_PATTERN = /^(\d+)([+\-*/])(\d+)=(\d+) \(left: (\d+(?: \d+)*)\)$/;

/** Parses the text of one step line; undefined when it is not in the step format. */
export function parseStep(text: string): CountdownStep | undefined {
  const m = STEP_PATTERN.exec(text.trim());
  if (!m) return undefined;
  const [, a, op, b, result, left] = m;
  return {
    a: Number(a),
    op: op as Operator,
    b: Number(b),
    result: Number(result),
    left: (left ?? '').split(' ').map(Number),
  };
}

/** Removes one occurrence of each of `taken` from `pool`; undefined if one is missing. */
function removeAll(pool: readonly number[], taken: readonly number[]): number[] | undefined {
  const rest = [...pool];
  for (const t of taken) {
    const i = rest.indexOf(t);
    if (i < 0) return undefined;
    rest.splice(i, 1);
  }
  return rest;
}

function sameMultiset(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  const sx = sortedNumbers(x);
  const sy = sortedNumbers(y);
  return sx.every((v, i) => v === sy[i]);
}

export type StepVerdict =
  { ok: true; step: CountdownStep; remaining: number[] } | { ok: false; reason: string };

/** Checks one step against the numbers remaining before it: operands, arithmetic, the left list. */
export function verifyStep(remaining: readonly number[], text: string): StepVerdict {
  const step = parseStep(text);
  if (!step)
    return { ok: false, reason: `not a step of the form "a+b=c (left: ...)": ${JSON.stringify(text)}` };
  const after = removeAll(remaining, [step.a, step.b]);
  if (!after) {
    return {
      ok: false,
      reason: `${step.a} and ${step.b} are not both among the remaining numbers ${remaining.join(' ')}`,
    };
  }
  const value = applyOperator(step.a, step.op, step.b);
  if (value === undefined) {
    return { ok: false, reason: `${step.a}${step.op}${step.b} is not a positive integer` };
  }
  if (value !== step.result)
    return { ok: false, reason: `${step.a}${step.op}${step.b} is ${value}, not ${step.result}` };
  after.push(value);
  if (!sameMultiset(after, step.left)) {
    return {
      ok: false,
      reason: `the numbers left are ${sortedNumbers(after).join(' ')}, not ${step.left.join(' ')}`,
    };
  }
  return { ok: true, step, remaining: sortedNumbers(after) };
}

/**
 * Every valid step from `remaining`, in the models' format (larger operand first, the numbers
 * left sorted ascending), each pair of values once.
 */
export function validSteps(remaining: readonly number[]): string[] {
  const steps = new Set<string>();
  remaining.forEach((x, i) =>
    remaining.forEach((y, j) => {
      if (i >= j) return;
      const [a, b] = x >= y ? [x, y] : [y, x];
      const rest = remaining.filter((_, m) => m !== i && m !== j);
      for (const op of OPERATORS) {
        const result = applyOperator(a, op, b);
        if (result !== undefined)
          steps.add(formatStep({ a, op, b, result, left: sortedNumbers([...rest, result]) }));
      }
    }),
  );
  return [...steps];
}

export type TraceVerdict =
  | { ok: true; remaining: number[]; complete: boolean; solved: boolean }
  | { ok: false; stepIndex: number; reason: string };

/** Verifies every step of a trace and its outcome. */
export function verifyTrace(problem: CountdownProblem, steps: readonly string[]): TraceVerdict {
  let remaining = sortedNumbers(problem.numbers);
  for (let i = 0; i < steps.length; i++) {
    if (remaining.length === 1) return { ok: false, stepIndex: i, reason: 'the puzzle was already finished' };
    const verdict = verifyStep(remaining, steps[i] ?? '');
    if (!verdict.ok) return { ok: false, stepIndex: i, reason: verdict.reason };
    remaining = verdict.remaining;
  }
  const complete = remaining.length === 1;
  return { ok: true, remaining, complete, solved: complete && remaining[0] === problem.target };
}

export const countdownTask: Task<CountdownProblem> = {
  name: 'countdown',
  format: 'plain',
  stepSeparator: '\n',
  prompt: formatPrompt,
  maxSteps: (problem) => problem.numbers.length - 1,
  stateKey(problem, steps) {
    const state = verifyTrace(problem, steps);
    // The numbers left, sorted: the same multiset is the same state, whatever order made it.
    return state.ok ? state.remaining.join(' ') : undefined;
  },
  nextSteps(problem, previous) {
    const before = verifyTrace(problem, previous);
    return before.ok && !before.complete ? validSteps(before.remaining) : [];
  },
  completeStep(problem, previous, text) {
    const m = SHORT_STEP.exec(text);
    const before = verifyTrace(problem, previous);
    if (!m || !before.ok) return text;
    const [, a = '', op = '', b = '', result = ''] = m;
    const rest = removeAll(before.remaining, [Number(a), Number(b)]);
    if (!rest) return text;
    return formatStep({
      a: Number(a),
      op: op as Operator,
      b: Number(b),
      result: Number(result),
      left: sortedNumbers([...rest, Number(result)]),
    });
  },
  checkStep(problem, previous, step): StepCheck {
    const before = verifyTrace(problem, previous);
    if (!before.ok) return { kind: 'invalid', reason: `an earlier step is invalid: ${before.reason}` };
    if (before.complete) return { kind: 'invalid', reason: 'the puzzle was already finished' };
    const verdict = verifyStep(before.remaining, step);
    if (!verdict.ok) return { kind: 'invalid', reason: verdict.reason };
    if (verdict.remaining.length > 1) return { kind: 'continue' };
    const answer = verdict.remaining[0] ?? 0;
    return { kind: 'final', solved: answer === problem.target, answer: String(answer) };
  },
};
