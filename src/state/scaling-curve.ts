/**
 * The test-time compute curve of a lesson: solve rate against the simulation budget per puzzle.
 *
 * MCTS with budget b runs exactly the first b simulations of a run with budget B >= b under the
 * same seed, so one run per puzzle at the largest budget gives the whole curve: a puzzle counts as
 * solved at budget b when its first verified solution came at simulation b or earlier.
 */

export interface PuzzleOutcome {
  readonly puzzle: string;
  /** 1-based simulation at which a verified solution was first found; null when none was. */
  readonly firstSolvedAt: number | null;
  readonly generatedTokens: number;
}

export interface ScalingPoint {
  /** The simulation budget per puzzle. */
  readonly sims: number;
  readonly solved: number;
  readonly total: number;
  /** solved / total, and 0 when there are no puzzles. */
  readonly rate: number;
}

/** Doubling budgets: the curve is drawn on a log2 axis, where these are evenly spaced. */
export const DEFAULT_BUDGETS: readonly number[] = Object.freeze([1, 2, 4, 8, 16, 32, 64]);

/**
 * One point per budget. Budgets must be positive integers in strictly ascending order (a repeated
 * budget would draw a vertical step that does not exist). With no outcomes every point is
 * `{ solved: 0, total: 0, rate: 0 }`: the chart then shows an empty batch rather than dividing by zero.
 *
 * @throws RangeError on a bad budget list or an outcome whose firstSolvedAt is not a positive integer.
 */
export function solveRateCurve(
  outcomes: readonly PuzzleOutcome[],
  budgets: readonly number[],
): ScalingPoint[] {
  validateBudgets(budgets);
  const solvedAt: number[] = [];
  for (const o of outcomes) {
    if (o.firstSolvedAt === null) continue;
    if (!Number.isInteger(o.firstSolvedAt) || o.firstSolvedAt < 1) {
      throw new RangeError(
        `Puzzle "${o.puzzle}": firstSolvedAt must be a positive integer or null, got ${o.firstSolvedAt}`,
      );
    }
    solvedAt.push(o.firstSolvedAt);
  }
  solvedAt.sort((a, b) => a - b);

  const total = outcomes.length;
  let solved = 0;
  return budgets.map((sims) => {
    // Budgets ascend, so the count of solutions within budget only moves forward.
    while (solved < solvedAt.length && (solvedAt[solved] ?? Infinity) <= sims) solved++;
    return { sims, solved, total, rate: total === 0 ? 0 : solved / total };
  });
}

function validateBudgets(budgets: readonly number[]): void {
  budgets.forEach((b, i) => {
    if (!Number.isInteger(b) || b < 1) {
      throw new RangeError(`Budget ${b} at index ${i} is not a positive integer number of simulations`);
    }
    const previous = budgets[i - 1];
    if (previous !== undefined && b <= previous) {
      throw new RangeError(`Budgets must ascend strictly: ${b} at index ${i} follows ${previous}`);
    }
  });
}
