import type { Generation } from '../../../learn/learn-loop';

/**
 * The figures of one `npm run learn` run (docs/learn/from-none.json, the CLI's own --json output;
 * learn-run.test.ts checks that the two agree), shown by the lesson's "Does it learn?" step.
 */
export interface LearnRun {
  readonly config: {
    readonly rounds: number;
    readonly puzzlesPerRound: number;
    readonly simulations: number;
    readonly from: 'none' | 'shipped';
    readonly valueTarget: 'outcome' | 'process';
    readonly seed: number;
  };
  readonly generations: readonly Pick<
    Generation,
    'round' | 'mcts' | 'chain' | 'valueLoss' | 'policyLoss' | 'examples'
  >[];
}

export const LEARN_RUN: LearnRun = {
  config: {
    rounds: 3,
    puzzlesPerRound: 100,
    simulations: 16,
    from: 'none',
    valueTarget: 'outcome',
    seed: 1,
  },
  generations: [
    {
      round: 0,
      mcts: {
        rate: 0.58,
        solved: 58,
        total: 100,
      },
      chain: {
        rate: 0.19,
      },
      valueLoss: null,
      policyLoss: null,
      examples: 0,
    },
    {
      round: 1,
      mcts: {
        rate: 0.56,
        solved: 56,
        total: 100,
      },
      chain: {
        rate: 0.14,
      },
      valueLoss: 0.3639811500906944,
      policyLoss: 1.123793363571167,
      examples: 792,
    },
    {
      round: 2,
      mcts: {
        rate: 0.5,
        solved: 50,
        total: 100,
      },
      chain: {
        rate: 0.2,
      },
      valueLoss: 0.3277670310603248,
      policyLoss: 1.2942301662904876,
      examples: 1646,
    },
    {
      round: 3,
      mcts: {
        rate: 0.41,
        solved: 41,
        total: 100,
      },
      chain: {
        rate: 0.15,
      },
      valueLoss: 0.3195132714463398,
      policyLoss: 1.9353728568659418,
      examples: 2449,
    },
  ],
};
