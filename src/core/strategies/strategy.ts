import type { SearchSession } from '../session';
import { getNode, type NodeId } from '../tree';

/**
 * A strategy is a state machine over a session: each step() runs one phase and records it as
 * events, so a UI can run it, step it, or step it one phase at a time.
 */
export type StrategyName = 'cot' | 'bon' | 'beam' | 'mcts' | 'bfs' | 'dfs' | 'dvts' | 'gumbel';
export const STRATEGY_NAMES: readonly StrategyName[] = [
  'cot',
  'bon',
  'beam',
  'mcts',
  'bfs',
  'dfs',
  'dvts',
  'gumbel',
];

/** The four strategies the lesson's race and the first chapters compare. */
export const CLASSIC_STRATEGIES: readonly StrategyName[] = ['cot', 'bon', 'beam', 'mcts'];

/** The strategies that apply the Refine operator when `refine` is on. */
export const REFINING_STRATEGIES: readonly StrategyName[] = ['cot', 'mcts', 'gumbel'];

export function refines(strategy: StrategyName): boolean {
  return REFINING_STRATEGIES.includes(strategy);
}

/**
 * How MCTS counts and backs up (Strategy panel, `--variant`):
 *  children   this playground's first MCTS: every new child is evaluated and counted as a visit;
 *  alphazero  the selected leaf is evaluated; its children start at N = 0 with their priors;
 *  x1         x1's: children evaluated, x1's selection formula and constants, discounted backup.
 */
export type MctsVariant = 'children' | 'alphazero' | 'x1';
export const MCTS_VARIANTS: readonly MctsVariant[] = ['children', 'alphazero', 'x1'];

export type Phase = 'select' | 'expand' | 'evaluate' | 'backpropagate' | 'aggregate' | 'done';

export interface SearchConfig {
  readonly strategy: StrategyName;
  /** MCTS: simulations; best-of-N: N chains; beam: the beam width. */
  readonly simulations: number;
  /** Budget in generated tokens (policy output) across the whole search. */
  readonly maxTokens: number;
  readonly temperature: number;
  /** Children sampled per expansion (MCTS) or per beam node (beam). */
  readonly k: number;
  /** Exploration constant of PUCT / UCT. */
  readonly c: number;
  readonly selection: 'puct' | 'uct';
  readonly variant: MctsVariant;
  /** MCTS-Solver: proven-failed nodes are never selected again (MCTS and Gumbel). */
  readonly solver: boolean;
  /** BFS and DFS: children valued below this are pruned (ToT's value threshold); refine: rewritten. */
  readonly threshold: number;
  /** MCTS and Gumbel: one node per state (transpositions), the tree becoming a DAG of states. */
  readonly graph: boolean;
  /**
   * MCTS, Gumbel and the chain: a new step the verifier rejects, or one valued below `threshold`,
   * is rewritten by the policy after a critique (the Refine operator, refine.ts).
   */
  readonly refine: boolean;
  /**
   * MCTS and Gumbel: leaves selected per round with virtual loss, expanded and evaluated together
   * (1: one simulation at a time). A server engine answers them concurrently.
   */
  readonly parallel: number;
  /** Stop as soon as a verified solution exists. */
  readonly stopOnSolved: boolean;
  readonly maxStepTokens: number;
  readonly seed: number;
}

export const DEFAULT_CONFIG: SearchConfig = {
  strategy: 'mcts',
  simulations: 64,
  maxTokens: Number.POSITIVE_INFINITY,
  // Tuned on the embedded Countdown models (npm run eval): wide, slightly hot sampling gives the
  // search enough distinct candidate steps; identical samples merge into one child.
  temperature: 1.3,
  k: 16,
  c: 1,
  selection: 'puct',
  variant: 'children',
  solver: false,
  threshold: 0.05,
  graph: false,
  refine: false,
  parallel: 1,
  stopOnSolved: true,
  maxStepTokens: 40,
  seed: 1,
};

export interface SearchResult {
  readonly solved: boolean;
  /** The node holding the final answer (a verified terminal, or the end of the chosen path). */
  readonly nodeId: NodeId;
  readonly answer: string;
  readonly steps: string[];
  /** Simulations (MCTS), chains (best-of-N) or depths (beam, chain) completed. */
  readonly iterations: number;
  /** Simulations whose selection ended on a node already known to be failed (MCTS, Gumbel). */
  readonly wastedSimulations: number;
  /**
   * MCTS and Gumbel: the node the search itself would answer with, verifier aside (the end of the
   * most-visited line; Gumbel: below the action the halving ranks first). What test-time scaling
   * measures where no verifier picks the answer.
   */
  readonly chosenId?: NodeId;
  readonly generatedTokens: number;
}

export interface Strategy {
  readonly name: StrategyName;
  /** The phase the next call to step() will run ('done' when finished). */
  readonly phase: Phase;
  /** Runs one phase and returns the phase it ran. */
  step(): Promise<Phase>;
  /** Set once the phase is 'done'. */
  readonly result: SearchResult | undefined;
  /** A deep copy of the strategy's own state; restore() with it resumes exactly there. */
  snapshot(): StrategySnapshot;
  restore(snapshot: StrategySnapshot): void;
}

/** Opaque plain data (structured-clonable): only the strategy that made it reads it. */
export interface StrategySnapshot {
  readonly strategy: StrategyName;
  readonly state: unknown;
}

export class SnapshotMismatchError extends Error {
  override readonly name = 'SnapshotMismatchError';
}

/** The state inside a snapshot made by the strategy `name`, as a fresh copy. */
export function snapshotState<S>(name: StrategyName, snapshot: StrategySnapshot): S {
  if (snapshot.strategy !== name) {
    throw new SnapshotMismatchError(`a ${snapshot.strategy} snapshot cannot restore a ${name} search`);
  }
  // The name check above ties the data to the class that wrote it with snapshot().
  return structuredClone(snapshot.state) as S;
}

/** Builds the result for `nodeId` and records the answer event. */
export function finish<P>(
  session: SearchSession<P>,
  nodeId: NodeId,
  iterations: number,
  wastedSimulations = 0,
): SearchResult {
  session.answer(nodeId);
  const node = getNode(session.tree, nodeId);
  return {
    solved: node.status === 'solved',
    nodeId,
    answer: node.answer ?? '',
    steps: session.steps(nodeId),
    iterations,
    wastedSimulations,
    generatedTokens: session.generatedTokens,
  };
}

/** Runs a strategy to the end. */
export async function runToEnd(strategy: Strategy): Promise<SearchResult> {
  while (strategy.phase !== 'done') await strategy.step();
  if (!strategy.result) throw new Error(`strategy ${strategy.name} finished without a result`);
  return strategy.result;
}
