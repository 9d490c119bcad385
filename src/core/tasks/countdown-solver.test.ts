import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyTrace } from './countdown';
import { CountdownSolver, legalMoves } from './countdown-solver';

const solver = new CountdownSolver();

describe('countdown solver', () => {
  it('knows reachable and unreachable puzzles', () => {
    expect(solver.isSolvable({ numbers: [4, 5, 6, 10], target: 24 })).toBe(true);
    expect(solver.isSolvable({ numbers: [1, 1, 1, 1], target: 24 })).toBe(false);
    expect(solver.isSolvable({ numbers: [1, 1, 1], target: 3 })).toBe(true);
    // 3 8 8 -> 24 needs a fraction (8 / (3 - 8/3)), which Countdown's integer rules forbid.
    expect(solver.isSolvable({ numbers: [3, 3, 8, 8], target: 24 })).toBe(false);
  });

  it('lists only solutions that the verifier accepts', () => {
    const problem = { numbers: [4, 5, 6, 10], target: 24 };
    const solutions = solver.solutions(problem);
    expect(solutions.length).toBeGreaterThan(3);
    for (const steps of solutions)
      expect(verifyTrace(problem, steps)).toMatchObject({ ok: true, solved: true });
    expect(solver.solutions(problem, 2)).toHaveLength(2);
    expect(solver.solutions({ numbers: [1, 1, 1, 1], target: 24 })).toEqual([]);
  });

  it('writes each legal move once, larger operand first', () => {
    const texts = legalMoves([2, 2, 3]).map((m) => m.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain('3-2=1 (left: 1 2)');
    expect(texts).toContain('2/2=1 (left: 1 3)');
    expect(texts).not.toContain('2-3=-1 (left: -1 2)');
  });

  it('finds every ToT test puzzle solvable under Countdown rules', () => {
    const url = new URL('../../../benchmarks/game24/tot-test-901-1000.jsonl', import.meta.url);
    const puzzles = readFileSync(url, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { numbers: number[]; target: number });
    expect(puzzles).toHaveLength(100);
    for (const p of puzzles) expect(solver.isSolvable(p)).toBe(true);
  });
});
