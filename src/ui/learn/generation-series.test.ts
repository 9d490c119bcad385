import { describe, expect, it } from 'vitest';
import type { LearnSettings, StoredGeneration } from '../../state/learn/learn-types';
import { budgetsOf, generationLabels, generationLines } from './generation-series';

const settings: LearnSettings = {
  rounds: 2,
  puzzlesPerRound: 2,
  simulations: 4,
  valueTarget: 'outcome',
  from: 'none',
  epochs: 1,
  evalPuzzles: 3,
  measureSimulations: [4, 8],
  seed: 1,
};

function gen(id: string, round: number, rates: readonly [number, number][], chain: number): StoredGeneration {
  return {
    id,
    round,
    settings,
    createdAt: 0,
    mcts: { rate: rates[0]?.[1] ?? 0, solved: 0, total: 3 },
    curve: rates.map(([simulations, rate]) => ({ simulations, rate })),
    chain: { rate: chain },
    valueLoss: null,
    policyLoss: null,
    examples: 0,
    selfPlaySolved: null,
    seconds: 1,
  };
}

describe('generation series', () => {
  it('gives one line per generation, points in simulation order, with its chain rate', () => {
    const lines = generationLines([
      gen(
        'a',
        0,
        [
          [8, 0.5],
          [4, 0.25],
        ],
        0.1,
      ),
      gen('b', 1, [[4, 0.5]], 0.3),
    ]);
    expect(lines.map((l) => l.label)).toEqual(['Gen 0', 'Gen 1']);
    expect(lines[0]?.points.map((p) => p.simulations)).toEqual([4, 8]);
    expect(lines[1]?.chain).toBe(0.3);
    expect(new Set(lines.map((l) => l.colour)).size).toBe(2);
  });

  it('names generations by run once a second run has begun', () => {
    const labels = generationLabels([
      gen('a', 0, [], 0),
      gen('b', 1, [], 0),
      gen('c', 0, [], 0),
      gen('d', 1, [], 0),
    ]);
    expect(labels).toEqual(['Run 1 · gen 0', 'Run 1 · gen 1', 'Run 2 · gen 0', 'Run 2 · gen 1']);
  });

  it('puts every measured budget on the axis, or the settings while nothing is measured', () => {
    const lines = generationLines([gen('a', 0, [[16, 1]], 0), gen('b', 1, [[4, 0]], 0)]);
    expect(budgetsOf(lines, [1, 2])).toEqual([4, 16]);
    expect(budgetsOf([], [32, 4, 8])).toEqual([4, 8, 32]);
  });
});
