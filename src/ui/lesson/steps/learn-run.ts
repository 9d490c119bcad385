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
    puzzlesPerRound: 300,
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
        rate: 0.51,
        solved: 51,
        total: 100,
      },
      chain: {
        rate: 0.13,
      },
      valueLoss: 0.4121461787394115,
      policyLoss: 1.693196603986952,
      examples: 2286,
    },
  ],
};
