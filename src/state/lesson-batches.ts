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

/** Runs a whole search for `setup` on `models`; throws with the setup's first problem. */
async function searchToEnd(setup: Setup, models: SessionModels, signal?: AbortSignal): Promise<SearchRunner> {
  const { valid, errors } = validateSetup(setup);
  if (!valid) {
    const [field, why] = Object.entries(errors)[0] ?? ['setup', 'invalid'];
    throw new Error(`${field}: ${why}`);
  }
  const runner = new SearchRunner(valid, models);
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
    const runner = await searchToEnd(
      {
        ...setup,
        task: 'countdown',
        numbers: puzzle.numbers.join(','),
        target: String(puzzle.target),
        strategy: 'mcts',
        sims: String(budget),
        stop: 'solved',
      },
      models,
      signal,
    );
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
