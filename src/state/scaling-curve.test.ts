import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS, solveRateCurve, type PuzzleOutcome } from './scaling-curve';

const outcome = (puzzle: string, firstSolvedAt: number | null): PuzzleOutcome => ({
  puzzle,
  firstSolvedAt,
  generatedTokens: 100,
});

/** Eight puzzles: solved at simulations 1, 3, 4, 9, 16, 40, and two never. */
const BATCH: readonly PuzzleOutcome[] = [
  outcome('a', 1),
  outcome('b', 3),
  outcome('c', 4),
  outcome('d', 9),
  outcome('e', 16),
  outcome('f', 40),
  outcome('g', null),
  outcome('h', null),
];

describe('the solve-rate curve', () => {
  it('counts a puzzle as solved at every budget from its first solution on', () => {
    const curve = solveRateCurve(BATCH, DEFAULT_BUDGETS);
    expect(curve.map((p) => p.sims)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(curve.map((p) => p.solved)).toEqual([1, 1, 3, 3, 5, 5, 6]);
    expect(curve.every((p) => p.total === 8)).toBe(true);
    expect(curve.map((p) => p.rate)).toEqual([0.125, 0.125, 0.375, 0.375, 0.625, 0.625, 0.75]);
  });

  it('never falls as the budget grows, whatever the order of the outcomes', () => {
    const shuffled = [BATCH[5], BATCH[0], BATCH[7], BATCH[3], BATCH[1], BATCH[6], BATCH[4], BATCH[2]].filter(
      (o): o is PuzzleOutcome => o !== undefined,
    );
    const budgets = Array.from({ length: 64 }, (_, i) => i + 1);
    const curve = solveRateCurve(shuffled, budgets);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]?.rate).toBeGreaterThanOrEqual(curve[i - 1]?.rate ?? 0);
    }
    expect(curve[2]).toEqual({ sims: 3, solved: 2, total: 8, rate: 0.25 });
    expect(curve[63]).toEqual({ sims: 64, solved: 6, total: 8, rate: 0.75 });
  });

  it('counts a solution found exactly at the budget, not one a simulation later', () => {
    const curve = solveRateCurve([outcome('x', 8), outcome('y', 9)], [8, 9]);
    expect(curve).toEqual([
      { sims: 8, solved: 1, total: 2, rate: 0.5 },
      { sims: 9, solved: 2, total: 2, rate: 1 },
    ]);
  });

  it('leaves solutions past the largest budget out', () => {
    expect(solveRateCurve([outcome('x', 100)], [1, 64])).toEqual([
      { sims: 1, solved: 0, total: 1, rate: 0 },
      { sims: 64, solved: 0, total: 1, rate: 0 },
    ]);
  });

  it('gives rate 0 with total 0 for an empty batch, and no points for no budgets', () => {
    expect(solveRateCurve([], [1, 2])).toEqual([
      { sims: 1, solved: 0, total: 0, rate: 0 },
      { sims: 2, solved: 0, total: 0, rate: 0 },
    ]);
    expect(solveRateCurve(BATCH, [])).toEqual([]);
  });

  it('rejects budgets that are not positive integers in strictly ascending order', () => {
    expect(() => solveRateCurve(BATCH, [0, 1])).toThrow(RangeError);
    expect(() => solveRateCurve(BATCH, [1, 2.5])).toThrow(/not a positive integer/);
    expect(() => solveRateCurve(BATCH, [1, 4, 2])).toThrow(/ascend strictly/);
    expect(() => solveRateCurve(BATCH, [2, 2])).toThrow(/ascend strictly/);
    expect(() => solveRateCurve(BATCH, [Number.NaN])).toThrow(RangeError);
  });

  it('rejects a first solution that is not a simulation number', () => {
    expect(() => solveRateCurve([outcome('z', 0)], [1])).toThrow(/Puzzle "z"/);
    expect(() => solveRateCurve([outcome('z', 1.5)], [1])).toThrow(RangeError);
  });

  it('keeps the default budgets as doublings from 1 to 64', () => {
    expect(DEFAULT_BUDGETS).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(Object.isFrozen(DEFAULT_BUDGETS)).toBe(true);
  });
});
