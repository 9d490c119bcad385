import { describe, expect, it } from 'vitest';
import type { SessionModels } from '../core/session';
import type { CountdownProblem } from '../core/tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { answerRulesBatch, depthTrace, raceSelections, type SelectionOutcome } from './lesson-experiments';
import { answerCandidates } from './lesson-answer';
import { LESSON_SETUP } from './lesson-driver';
import { getNode, ROOT_ID } from '../core/tree';
import { SearchRunner } from './search-runner';
import { DEFAULT_SETUP, type Setup } from './setup';
import { validateSetup } from './setup-validate';

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

describe('answerRulesBatch', () => {
  it('judges the rules when the first solution appears and at the end, checked against a replay of the same run', async () => {
    const setup: Setup = { ...SETUP, sims: '16' };
    const [outcome] = await answerRulesBatch(setup, models(), [PROBLEM], 16, () => undefined);
    expect(outcome?.solvedAt).toBeGreaterThanOrEqual(3);

    // The same setup and seed again, stopped by hand at that simulation: the same tree.
    const { valid } = validateSetup({ ...setup, stop: 'budget' });
    if (!valid) throw new Error('the test setup is invalid');
    const replay = new SearchRunner(valid, models());
    for (let sims = 0; sims < (outcome?.solvedAt ?? 0);)
      if ((await replay.stepPhase()).ran === 'backpropagate') sims++;
    const tree = replay.session.tree;
    const { firstVerified, mostVisited, bestQ } = answerCandidates(tree);
    // The solution appeared in the last expansion: it has its own evaluation only.
    expect(firstVerified?.visits).toBe(1);
    const endsSolved = (path: readonly string[]) => getNode(tree, path.at(-1) ?? ROOT_ID).status === 'solved';
    expect(outcome?.atFirstSolution).toEqual({ visits: endsSolved(mostVisited), q: endsSolved(bestQ) });
  });
});
