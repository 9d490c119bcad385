import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETUP } from '../../state/setup';
import { validateSetup } from '../../state/setup-validate';
import { validateCountdownProblem } from '../../core/tasks/countdown';
import { CountdownSolver } from '../../core/tasks/countdown-solver';
import { PRESETS, presetFor } from './presets';

describe('presets', () => {
  const solver = new CountdownSolver();

  it('are valid and solvable puzzles', () => {
    for (const p of PRESETS) {
      expect(() => validateCountdownProblem({ numbers: [...p.numbers], target: p.target })).not.toThrow();
      expect(solver.isSolvable(p), p.label).toBe(true);
    }
  });

  it('pass the setup validation the store runs', () => {
    for (const p of PRESETS) {
      const setup = { ...DEFAULT_SETUP, numbers: p.numbers.join(','), target: String(p.target) };
      expect(validateSetup(setup).errors, p.label).toEqual({});
    }
  });

  it('have unique ids', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('label the ToT puzzles with their rank in the benchmark', () => {
    const url = new URL('../../../benchmarks/game24/tot-test-901-1000.jsonl', import.meta.url);
    const byRank = new Map(
      readFileSync(url, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { rank: number; numbers: number[]; target: number })
        .map((r) => [r.rank, r]),
    );
    const tot = PRESETS.filter((p) => p.id.startsWith('tot-'));
    expect(tot.length).toBeGreaterThanOrEqual(5);
    for (const p of tot) {
      const rank = Number(p.id.slice('tot-'.length));
      expect(p.label).toContain(`ToT #${rank}`);
      expect(byRank.get(rank)).toMatchObject({ numbers: [...p.numbers], target: p.target });
    }
  });

  it('recognizes the typed problem, spaces and all', () => {
    expect(presetFor('4, 5, 6, 10', ' 24')?.id).toBe('tot-901');
    expect(presetFor('4,5,6,10', '25')).toBeUndefined();
    expect(presetFor('5,4,6,10', '24')).toBeUndefined();
  });
});
