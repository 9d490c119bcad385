import { applyOperator, formatStep, OPERATORS, sortedNumbers, type CountdownProblem } from './countdown';

/**
 * Exhaustive Countdown solver. States are sorted multisets, so `reachable` memoizes on them;
 * `solutions` enumerates traces in the canonical step format (larger operand first).
 */
export interface Move {
  readonly text: string;
  readonly remaining: number[];
}

/** Every rule-abiding step from `numbers`, each written once (larger operand first). */
export function legalMoves(numbers: readonly number[]): Move[] {
  const sorted = sortedNumbers(numbers);
  const moves: Move[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < sorted.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = sorted[i] ?? 0;
      const b = sorted[j] ?? 0;
      const rest = sorted.filter((_, idx) => idx !== i && idx !== j);
      for (const op of OPERATORS) {
        const result = applyOperator(a, op, b);
        if (result === undefined) continue;
        const left = sortedNumbers([...rest, result]);
        const text = formatStep({ a, op, b, result, left });
        if (seen.has(text)) continue;
        seen.add(text);
        moves.push({ text, remaining: left });
      }
    }
  }
  return moves;
}

export class CountdownSolver {
  private readonly memo = new Map<string, boolean>();

  reachable(numbers: readonly number[], target: number): boolean {
    const sorted = sortedNumbers(numbers);
    if (sorted.length === 1) return sorted[0] === target;
    const key = `${sorted.join(',')}>${target}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const result = legalMoves(sorted).some((m) => this.reachable(m.remaining, target));
    this.memo.set(key, result);
    return result;
  }

  isSolvable(problem: CountdownProblem): boolean {
    return this.reachable(problem.numbers, problem.target);
  }

  /** Solution traces (step texts), at most `limit` of them, in a fixed order. */
  solutions(problem: CountdownProblem, limit = Number.POSITIVE_INFINITY): string[][] {
    const out: string[][] = [];
    const walk = (numbers: readonly number[], steps: string[]): void => {
      if (out.length >= limit) return;
      if (numbers.length === 1) {
        if (numbers[0] === problem.target) out.push([...steps]);
        return;
      }
      for (const m of legalMoves(numbers)) {
        if (!this.reachable(m.remaining, problem.target)) continue;
        steps.push(m.text);
        walk(m.remaining, steps);
        steps.pop();
        if (out.length >= limit) return;
      }
    };
    walk(sortedNumbers(problem.numbers), []);
    return out;
  }
}
