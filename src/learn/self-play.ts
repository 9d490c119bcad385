import { puzzleSeed } from '../core/evaluate';
import { SearchSession, type SessionModels } from '../core/session';
import { createStrategy } from '../core/strategies/create';
import { runToEnd, type SearchConfig } from '../core/strategies/strategy';
import { countdownTask, type CountdownProblem } from '../core/tasks/countdown';
import {
  DEFAULT_POLICY_TARGET,
  pathExamples,
  type OutcomeNegatives,
  type PathExample,
  type PolicyTargetOptions,
} from './examples';

/**
 * Self-play: the engine's own MCTS over generated puzzles, each finished search turned into
 * training examples. The search does not stop at its first solution: the remaining simulations
 * concentrate on it (a verified terminal keeps scoring 1), which is what makes the visit counts a
 * useful policy target.
 */
export interface SelfPlayRecord {
  readonly round: number;
  readonly puzzle: CountdownProblem;
  readonly solved: boolean;
  readonly examples: readonly PathExample[];
}

export function selfPlayConfig(base: SearchConfig, simulations: number, seed: number): SearchConfig {
  return { ...base, strategy: 'mcts', simulations, stopOnSolved: false, seed };
}

export async function selfPlayOne(
  problem: CountdownProblem,
  config: SearchConfig,
  models: SessionModels,
  seed: number,
  round: number,
  target: PolicyTargetOptions = DEFAULT_POLICY_TARGET,
  negatives: OutcomeNegatives = 'unsolved',
): Promise<SelfPlayRecord> {
  const session = new SearchSession(countdownTask, problem, models, seed);
  const result = await runToEnd(createStrategy(session, config));
  return {
    round,
    puzzle: { numbers: [...problem.numbers], target: problem.target },
    solved: result.solved || Object.values(session.tree.nodes).some((n) => n.status === 'solved'),
    examples: pathExamples(session.tree, session.events, session.prompt, target, negatives),
  };
}

export interface SelfPlayHooks {
  onRecord?(record: SelfPlayRecord, index: number, total: number): void;
  between?(): Promise<void>;
}

export async function selfPlay(
  puzzles: readonly CountdownProblem[],
  config: SearchConfig,
  models: SessionModels,
  round: number,
  hooks: SelfPlayHooks = {},
  target: PolicyTargetOptions = DEFAULT_POLICY_TARGET,
  negatives: OutcomeNegatives = 'unsolved',
): Promise<SelfPlayRecord[]> {
  const records: SelfPlayRecord[] = [];
  for (const [i, problem] of puzzles.entries()) {
    await hooks.between?.();
    const record = await selfPlayOne(
      problem,
      config,
      models,
      puzzleSeed(config.seed, i),
      round,
      target,
      negatives,
    );
    records.push(record);
    hooks.onRecord?.(record, i, puzzles.length);
  }
  return records;
}
