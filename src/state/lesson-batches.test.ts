import { describe, expect, it } from 'vitest';
import type { SessionModels } from '../core/session';
import type { CountdownProblem } from '../core/tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { depthTrace, raceSelections, type SelectionOutcome } from './lesson-batches';
import { LESSON_SETUP } from './lesson-driver';
import { DEFAULT_SETUP, type Setup } from './setup';

// FAKE models (a scripted policy, a solver-backed value) for the lesson's puzzle: these tests are
// about what the batches run and report, not the models.
const PROBLEM: CountdownProblem = { numbers: [1, 8, 10, 11], target: 24 };
const models = (): SessionModels => ({
  policy: new ScriptedCountdownPolicy(PROBLEM, 0.1, 0.6),
  value: new SolverValue(PROBLEM),
});
const SETUP: Setup = { ...DEFAULT_SETUP, ...LESSON_SETUP, k: '6' };

describe('raceSelections', () => {
  it('searches the puzzles under each rule, to each first solution, and reports each rule as it ends', async () => {
    const seen: SelectionOutcome[] = [];
    const outcomes = await raceSelections(SETUP, models(), [PROBLEM, PROBLEM], 16, (o) => seen.push(o));
    expect(outcomes.map((o) => o.selection)).toEqual(['puct', 'uct']);
    expect(seen).toEqual(outcomes);
    for (const o of outcomes) {
      expect(o.total).toBe(2);
      // The same puzzle twice with the same seed: the same search twice.
      expect(o.solved % 2).toBe(0);
      // A four-number solution is three steps: never before the third simulation of each search.
      expect(o.simulations).toBeGreaterThanOrEqual(2 * 3);
      expect(o.simulations).toBeLessThanOrEqual(2 * 16);
      expect(o.generatedTokens).toBeGreaterThan(0);
    }
  });

  it('refuses a setup with errors, naming the field', async () => {
    await expect(
      raceSelections({ ...SETUP, seed: 'x' }, models(), [PROBLEM], 16, () => undefined),
    ).rejects.toThrow(/seed/);
  });
});

describe('depthTrace', () => {
  it('records one row per simulation, never deeper than the simulation count, up to the first solution', async () => {
    const rows = await depthTrace(SETUP, models(), 12);
    expect(rows.map((r) => r.simulation)).toEqual(rows.map((_, i) => i + 1));
    for (const r of rows) {
      expect(r.deepest).toBeLessThanOrEqual(r.simulation);
      if (r.simulation < 3) expect(r.solved).toBe(false);
    }
    expect(rows[0]?.deepest).toBe(1);
    const last = rows.at(-1);
    // It stops at the first solution (solved) or at the limit.
    expect(last?.solved === true || rows.length === 12).toBe(true);
    expect(rows.slice(0, -1).every((r) => !r.solved)).toBe(true);
  });
});
