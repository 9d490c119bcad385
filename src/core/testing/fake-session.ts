import { SearchSession } from '../session';
import { DEFAULT_CONFIG, type SearchConfig, type StrategyName } from '../strategies/strategy';
import { countdownTask, type CountdownProblem } from '../tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from './scripted-models';

/**
 * A session over the scripted FAKE policy and the solver-backed FAKE value, for unit tests whose
 * point is the engine (strategies, operators, invariants), not the models.
 */
export const FAKE_PROBLEM: CountdownProblem = { numbers: [4, 5, 6, 10], target: 24 };

export function fakeSession(
  seed: number,
  invalidRate = 0.1,
  problem: CountdownProblem = FAKE_PROBLEM,
): SearchSession<CountdownProblem> {
  return new SearchSession(
    countdownTask,
    problem,
    { policy: new ScriptedCountdownPolicy(problem, invalidRate), value: new SolverValue(problem) },
    seed,
  );
}

export function fakeConfig(strategy: StrategyName, overrides: Partial<SearchConfig> = {}): SearchConfig {
  const iterative = strategy === 'mcts' || strategy === 'gumbel';
  return { ...DEFAULT_CONFIG, strategy, simulations: iterative ? 24 : 6, k: 4, ...overrides };
}
