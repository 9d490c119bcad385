import { Rng } from '../core/rng';
import { MAX_INPUT_NUMBER, MAX_TARGET, sortedNumbers, type CountdownProblem } from '../core/tasks/countdown';
import { CountdownSolver } from '../core/tasks/countdown-solver';

/**
 * Self-play puzzles: n numbers uniform in 1..13 and a target uniform in 1..100 (the distribution of
 * benchmarks/countdown-100.jsonl), solvable, never one of the held-out puzzles (same numbers as a
 * multiset and same target), seeded.
 */
export function puzzleKey(p: CountdownProblem): string {
  return `${sortedNumbers(p.numbers).join(' ')} -> ${p.target}`;
}

export function generatePuzzles(
  count: number,
  sizes: readonly number[],
  seed: number,
  heldOut: ReadonlySet<string>,
  solver = new CountdownSolver(),
): CountdownProblem[] {
  const rng = new Rng(seed);
  const out: CountdownProblem[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < count; tries++) {
    if (tries > count * 1000) throw new Error(`could not draw ${count} distinct solvable puzzles`);
    const n = sizes[rng.nextInt(sizes.length)] ?? 4;
    const numbers = Array.from({ length: n }, () => 1 + rng.nextInt(MAX_INPUT_NUMBER));
    const problem = { numbers, target: 1 + rng.nextInt(MAX_TARGET) };
    const key = puzzleKey(problem);
    if (heldOut.has(key) || seen.has(key) || !solver.isSolvable(problem)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}
