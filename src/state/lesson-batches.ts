import type { SessionModels } from '../core/session';
import type { StrategyName } from '../core/strategies/strategy';
import { SearchRunner } from './search-runner';
import type { PuzzleOutcome } from './scaling-curve';
import type { Setup } from './setup';
import { validateSetup } from './setup-validate';

/**
 * Searches the lesson runs beside the playground's own, on the same loaded models: the four
 * strategies on one puzzle, and MCTS on a batch of puzzles for the test-time compute curve.
 */
export interface StrategyOutcome {
  readonly strategy: StrategyName;
  readonly solved: boolean;
  readonly answer: string;
  readonly generatedTokens: number;
  readonly nodes: number;
  readonly iterations: number;
}

/** A runner for `setup` on `models`; throws with the setup's first problem. */
export function openRunner(setup: Setup, models: SessionModels): SearchRunner {
  const { valid, errors } = validateSetup(setup);
  if (!valid) {
    const [field, why] = Object.entries(errors)[0] ?? ['setup', 'invalid'];
    throw new Error(`${field}: ${why}`);
  }
  return new SearchRunner(valid, models);
}

/** Runs a whole search for `setup` on `models`; throws with the setup's first problem. */
export async function searchToEnd(
  setup: Setup,
  models: SessionModels,
  signal?: AbortSignal,
): Promise<SearchRunner> {
  const runner = openRunner(setup, models);
  while (!runner.done) {
    if (signal?.aborted) throw new DOMException('stopped', 'AbortError');
    await runner.stepPhase();
  }
  return runner;
}

/** Each strategy on the same problem, seed and models, one after another (they share the models). */
export async function raceStrategies(
  setup: Setup,
  models: SessionModels,
  strategies: readonly StrategyName[],
  onOutcome: (outcome: StrategyOutcome) => void,
  signal?: AbortSignal,
): Promise<StrategyOutcome[]> {
  const outcomes: StrategyOutcome[] = [];
  for (const strategy of strategies) {
    const runner = await searchToEnd({ ...setup, strategy }, models, signal);
    const result = runner.strategy.result;
    const outcome: StrategyOutcome = {
      strategy,
      solved: result?.solved ?? false,
      answer: result?.answer ?? '',
      generatedTokens: runner.session.generatedTokens,
      nodes: Object.keys(runner.session.tree.nodes).length,
      iterations: result?.iterations ?? 0,
    };
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

export interface BatchPuzzle {
  readonly numbers: readonly number[];
  readonly target: number;
}

/**
 * The first twelve puzzles (ranks 901-912) of Tree of Thoughts' Game of 24 test set
 * (shared/benchmarks/game24): evaluated here, never trained on. Not picked for how they turn out.
 */
export const TOT_BATCH: readonly BatchPuzzle[] = [
  [4, 5, 6, 10],
  [1, 2, 4, 7],
  [2, 5, 8, 11],
  [3, 4, 4, 13],
  [6, 7, 8, 9],
  [1, 11, 11, 13],
  [1, 8, 10, 11],
  [2, 3, 6, 9],
  [1, 3, 5, 9],
  [3, 3, 7, 12],
  [4, 5, 7, 9],
  [1, 2, 8, 13],
].map((numbers) => ({ numbers, target: 24 }));

/**
 * The setup of one batch run: MCTS on a Countdown puzzle, stopping at its first verified solution
 * or at `budget` simulations, with the rest (seed, c, k, models) as the playground has it.
 */
export function puzzleSetup(
  setup: Setup,
  puzzle: BatchPuzzle,
  budget: number,
  selection: Setup['selection'] = setup.selection,
): Setup {
  return {
    ...setup,
    task: 'countdown',
    numbers: puzzle.numbers.join(','),
    target: String(puzzle.target),
    strategy: 'mcts',
    selection,
    sims: String(budget),
    stop: 'solved',
  };
}

/**
 * MCTS with `budget` simulations on each puzzle, stopping at the first verified solution: the
 * simulation it stopped at is when it first solved the puzzle, which is all the curve needs
 * (a search with a smaller budget is the first simulations of this one, with the same seed).
 */
export async function scalingBatch(
  setup: Setup,
  models: SessionModels,
  puzzles: readonly BatchPuzzle[],
  budget: number,
  onOutcome: (outcome: PuzzleOutcome) => void,
  signal?: AbortSignal,
): Promise<PuzzleOutcome[]> {
  const outcomes: PuzzleOutcome[] = [];
  for (const puzzle of puzzles) {
    const runner = await searchToEnd(puzzleSetup(setup, puzzle, budget), models, signal);
    const result = runner.strategy.result;
    const outcome: PuzzleOutcome = {
      puzzle: `${puzzle.numbers.join(' ')} → ${puzzle.target}`,
      firstSolvedAt: result?.solved ? result.iterations : null,
      generatedTokens: runner.session.generatedTokens,
    };
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}
