import { describe, expect, it } from 'vitest';
import { evaluatePuzzles, puzzleSeed } from './evaluate';
import { DEFAULT_CONFIG } from './strategies/strategy';
import type { CountdownProblem } from './tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from './testing/scripted-models';

// Scripted FAKE models: the point here is the report, not the models.
const solvable: CountdownProblem = { numbers: [4, 5, 6, 10], target: 24 };
const unsolvable: CountdownProblem = { numbers: [1, 1, 1, 1], target: 24 };

describe('evaluatePuzzles', () => {
  it('reports an unsolvable puzzle as unsolvable and counts it as not solved', async () => {
    const models = { policy: new ScriptedCountdownPolicy(solvable), value: new SolverValue(solvable) };
    const report = await evaluatePuzzles(
      [solvable, unsolvable],
      { ...DEFAULT_CONFIG, simulations: 64 },
      models,
    );
    expect(report.total).toBe(2);
    expect(report.unsolvable).toBe(1);
    expect(report.results[1]).toMatchObject({ solvable: false, solved: false, tokens: 0, steps: [] });
    expect(report.results[0]).toMatchObject({ solvable: true, solved: true });
    expect(report.rate).toBe(report.solved / 2);
    expect(report.tokens).toBe(report.results[0]?.tokens);
  });

  it("sums wasted simulations and nodes, and says whether MCTS's own choice is solved", async () => {
    const models = { policy: new ScriptedCountdownPolicy(solvable, 0.4), value: new SolverValue(solvable) };
    const config = { ...DEFAULT_CONFIG, simulations: 48, k: 4, stopOnSolved: false };
    const mcts = await evaluatePuzzles([solvable, solvable], config, models);
    expect(mcts.wastedSimulations).toBe(mcts.results.reduce((a, r) => a + r.wastedSimulations, 0));
    expect(mcts.nodes).toBe(mcts.results.reduce((a, r) => a + r.nodes, 0));
    for (const r of mcts.results) expect(typeof r.chosenSolved).toBe('boolean');
    expect(mcts.chosenSolved).toBe(mcts.results.filter((r) => r.chosenSolved).length);
    const beam = await evaluatePuzzles([solvable], { ...config, strategy: 'beam', simulations: 2 }, models);
    expect(beam.results[0]?.chosenSolved).toBeNull();
  });

  it('gives every puzzle its own seed, the same on every run', () => {
    expect(puzzleSeed(1, 0)).toBe(puzzleSeed(1, 0));
    expect(new Set([0, 1, 2, 3].map((i) => puzzleSeed(1, i))).size).toBe(4);
    expect(puzzleSeed(2, 0)).not.toBe(puzzleSeed(1, 0));
  });
});
