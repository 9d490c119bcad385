import { describe, expect, it } from 'vitest';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { raceToolbox, TOOLBOX_ENTRIES } from './lesson-toolbox';
import { DEFAULT_SETUP } from './setup';

// Scripted FAKE models (a legal-move sampler, a solver-backed value): the point is the race itself.
describe('the toolbox race', () => {
  it('runs every entry on the same puzzle and counts the operators each emitted', async () => {
    const problem = { numbers: [4, 5, 6, 10], target: 24 };
    const models = { policy: new ScriptedCountdownPolicy(problem, 0.3), value: new SolverValue(problem) };
    const setup = {
      ...DEFAULT_SETUP,
      numbers: '4,5,6,10',
      target: '24',
      sims: '24',
      stop: 'budget' as const,
    };
    const seen: string[] = [];
    const outcomes = await raceToolbox(setup, models, (o) => seen.push(o.id));
    expect(seen).toEqual(TOOLBOX_ENTRIES.map((e) => e.id));
    const by = (id: string) => outcomes.find((o) => o.id === id);
    expect(by('bfs')?.prunes).toBeGreaterThan(0);
    expect(by('solver')?.wastedSimulations).toBe(0);
    expect(by('solver')?.proofs).toBeGreaterThan(0);
    expect(by('mcts')?.proofs).toBe(0);
    for (const o of outcomes) expect(o.generatedTokens).toBeGreaterThan(0);
  });
});
