import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEARN_RUN } from './learn-run';

describe("the lesson's learning figures", () => {
  it('are the committed npm run learn output, generation by generation', () => {
    const run = JSON.parse(readFileSync('docs/learn/from-none.json', 'utf8')) as typeof LEARN_RUN;
    expect(LEARN_RUN.config).toMatchObject({
      rounds: run.config.rounds,
      puzzlesPerRound: run.config.puzzlesPerRound,
      simulations: run.config.simulations,
      from: run.config.from,
    });
    expect(
      LEARN_RUN.generations.map((g) => [g.round, g.mcts.rate, g.chain.rate, g.policyLoss, g.valueLoss]),
    ).toEqual(run.generations.map((g) => [g.round, g.mcts.rate, g.chain.rate, g.policyLoss, g.valueLoss]));
  });
});
