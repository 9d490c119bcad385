import type { StrategyName } from '../core/strategies/strategy';

/** The strategies as the panels, the compare view and the lesson name them. */
export const STRATEGY_LABELS: Readonly<Record<StrategyName, string>> = {
  cot: 'Chain (CoT)',
  bon: 'Best-of-N',
  beam: 'Beam search',
  mcts: 'MCTS',
  bfs: 'BFS (Tree of Thoughts)',
  dfs: 'DFS (Tree of Thoughts)',
  dvts: 'DVTS',
  gumbel: 'Gumbel + Sequential Halving',
};
