import type { SessionModels } from '../core/session';
import { searchToEnd } from './lesson-batches';
import type { Setup } from './setup';

/**
 * The toolbox chapter's runs: the same puzzle, seed and models under the Blueprint's strategies and
 * MCTS variants, each a patch of the playground's setup, one after another on the loaded models.
 */
export interface ToolboxEntry {
  readonly id: string;
  readonly label: string;
  readonly patch: Partial<Setup>;
}

export const TOOLBOX_ENTRIES: readonly ToolboxEntry[] = [
  { id: 'mcts', label: 'MCTS, children', patch: { strategy: 'mcts', variant: 'children', solver: 'off' } },
  {
    id: 'solver',
    label: 'MCTS + MCTS-Solver',
    patch: { strategy: 'mcts', variant: 'children', solver: 'on' },
  },
  {
    id: 'alphazero',
    label: 'MCTS, AlphaZero',
    patch: { strategy: 'mcts', variant: 'alphazero', solver: 'off' },
  },
  { id: 'x1', label: 'MCTS, x1', patch: { strategy: 'mcts', variant: 'x1', solver: 'off' } },
  {
    id: 'gumbel',
    label: 'Gumbel + halving',
    patch: { strategy: 'gumbel', variant: 'children', solver: 'off' },
  },
  // ToT's own settings for Game of 24: breadth 5; its DFS and DVTS get budgets of the same order.
  { id: 'bfs', label: 'BFS (ToT, b 5)', patch: { strategy: 'bfs', sims: '5', k: '8' } },
  { id: 'dfs', label: 'DFS (ToT)', patch: { strategy: 'dfs', sims: '24', k: '8' } },
  { id: 'dvts', label: 'DVTS (N 32, M 8)', patch: { strategy: 'dvts', sims: '32', k: '8' } },
];

export interface ToolboxOutcome {
  readonly id: string;
  readonly label: string;
  readonly solved: boolean;
  readonly generatedTokens: number;
  readonly nodes: number;
  readonly iterations: number;
  readonly wastedSimulations: number;
  /** Operators the run emitted besides the four phases: prunes, backtracks, proofs. */
  readonly prunes: number;
  readonly backtracks: number;
  readonly proofs: number;
}

export async function raceToolbox(
  setup: Setup,
  models: SessionModels,
  onOutcome: (outcome: ToolboxOutcome) => void,
  entries: readonly ToolboxEntry[] = TOOLBOX_ENTRIES,
  signal?: AbortSignal,
): Promise<ToolboxOutcome[]> {
  const outcomes: ToolboxOutcome[] = [];
  for (const entry of entries) {
    const runner = await searchToEnd({ ...setup, ...entry.patch }, models, signal);
    const result = runner.strategy.result;
    const count = (type: string) => runner.session.events.filter((e) => e.type === type).length;
    const outcome: ToolboxOutcome = {
      id: entry.id,
      label: entry.label,
      solved: result?.solved ?? false,
      generatedTokens: runner.session.generatedTokens,
      nodes: Object.keys(runner.session.tree.nodes).length,
      iterations: result?.iterations ?? 0,
      wastedSimulations: result?.wastedSimulations ?? 0,
      prunes: count('prune'),
      backtracks: count('backtrack'),
      proofs: count('prove'),
    };
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}
