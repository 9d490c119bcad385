import type { SessionModels } from './session';
import { SearchSession } from './session';
import { createStrategy } from './strategies/create';
import { runToEnd, type SearchConfig } from './strategies/strategy';
import { countdownTask, type CountdownProblem } from './tasks/countdown';
import { CountdownSolver } from './tasks/countdown-solver';

/**
 * Runs a strategy over a list of Countdown puzzles and summarizes it. Pure engine code, so the
 * eval CLI (Node) and the browser can both measure solve rates with it.
 */
export interface PuzzleResult {
  readonly numbers: readonly number[];
  readonly target: number;
  readonly solved: boolean;
  /** False when the exhaustive solver finds no solution: reported, never searched. */
  readonly solvable: boolean;
  readonly steps: string[];
  readonly answer: string;
  readonly tokens: number;
  readonly iterations: number;
  /** Simulations whose selection ended on a node already known to be failed. */
  readonly wastedSimulations: number;
  /** MCTS and Gumbel: whether the search's own choice (SearchResult.chosenId) is solved; else null. */
  readonly chosenSolved: boolean | null;
  /** Nodes of the tree; in graph mode, of the DAG: one per state, transpositions not counted. */
  readonly nodes: number;
  /** Graph mode: second routes into a state already held by a node (0 in a tree). */
  readonly transpositions: number;
  /** Refine: rewrites the policy added after a critique (0 with refine off). */
  readonly rewrites: number;
  readonly seconds: number;
}

export interface EvalReport {
  readonly strategy: SearchConfig['strategy'];
  readonly config: SearchConfig;
  readonly solved: number;
  readonly total: number;
  readonly unsolvable: number;
  readonly rate: number;
  /** Generated tokens, summed over all puzzles. */
  readonly tokens: number;
  /** Summed over all puzzles, like `tokens`. */
  readonly wastedSimulations: number;
  /** Puzzles where the search's own choice is solved (MCTS, Gumbel; with stop=budget it is the scaling measure). */
  readonly chosenSolved: number;
  readonly nodes: number;
  readonly rewrites: number;
  readonly secondsPerPuzzle: number;
  readonly results: PuzzleResult[];
}

/** A per-puzzle seed from the run's seed, so puzzles do not share one random stream. */
export function puzzleSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const now = (): number => globalThis.performance.now();

export async function evaluatePuzzle(
  problem: CountdownProblem,
  config: SearchConfig,
  models: SessionModels,
  seed: number,
  solver = new CountdownSolver(),
): Promise<PuzzleResult> {
  const base = { numbers: problem.numbers, target: problem.target };
  if (!solver.isSolvable(problem)) {
    return {
      ...base,
      solved: false,
      solvable: false,
      steps: [],
      answer: '',
      tokens: 0,
      iterations: 0,
      wastedSimulations: 0,
      chosenSolved: null,
      nodes: 0,
      transpositions: 0,
      rewrites: 0,
      seconds: 0,
    };
  }
  const started = now();
  const session = new SearchSession(countdownTask, problem, models, seed);
  const result = await runToEnd(createStrategy(session, config));
  const transpositions = Object.values(session.tree.nodes).filter(
    (n) => n.transpositionOf !== undefined,
  ).length;
  return {
    ...base,
    solved: result.solved,
    solvable: true,
    steps: result.steps,
    answer: result.answer,
    tokens: session.generatedTokens,
    iterations: result.iterations,
    wastedSimulations: result.wastedSimulations,
    chosenSolved:
      result.chosenId === undefined ? null : session.tree.nodes[result.chosenId]?.status === 'solved',
    nodes: session.tree.nextId - transpositions,
    transpositions,
    rewrites: Object.values(session.tree.nodes).filter((n) => n.refines !== undefined).length,
    seconds: (now() - started) / 1000,
  };
}

export async function evaluatePuzzles(
  puzzles: readonly CountdownProblem[],
  config: SearchConfig,
  models: SessionModels,
  onResult?: (result: PuzzleResult, index: number) => void,
): Promise<EvalReport> {
  const solver = new CountdownSolver();
  const results: PuzzleResult[] = [];
  for (const [i, problem] of puzzles.entries()) {
    const result = await evaluatePuzzle(problem, config, models, puzzleSeed(config.seed, i), solver);
    results.push(result);
    onResult?.(result, i);
  }
  const solved = results.filter((r) => r.solved).length;
  const seconds = results.reduce((a, r) => a + r.seconds, 0);
  return {
    strategy: config.strategy,
    config,
    solved,
    total: results.length,
    unsolvable: results.filter((r) => !r.solvable).length,
    rate: results.length > 0 ? solved / results.length : 0,
    tokens: results.reduce((a, r) => a + r.tokens, 0),
    wastedSimulations: results.reduce((a, r) => a + r.wastedSimulations, 0),
    chosenSolved: results.filter((r) => r.chosenSolved === true).length,
    nodes: results.reduce((a, r) => a + r.nodes, 0),
    rewrites: results.reduce((a, r) => a + r.rewrites, 0),
    secondsPerPuzzle: results.length > 0 ? seconds / results.length : 0,
    results,
  };
}
