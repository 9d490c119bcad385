import type { SearchEvent } from '../core/events';
import type { SessionCheckpoint, SessionModels } from '../core/session';
import { SearchSession } from '../core/session';
import { createStrategy } from '../core/strategies/create';
import type { Phase, SearchConfig, Strategy, StrategySnapshot } from '../core/strategies/strategy';
import { countdownTask, type CountdownProblem } from '../core/tasks/countdown';
import { mathTask, type MathProblem } from '../core/tasks/math';
import type { Task } from '../core/tasks/task';
import { getNode, isInPrunedSubtree, pathTo, type NodeId } from '../core/tree';
import { RolloutValue } from '../core/values/rollout-value';
import type { ValidSetup } from './setup-validate';

/**
 * One search as the playground drives it: the engine's session and strategy, and a checkpoint
 * after every operator (a strategy phase, or a prune / expansion by hand). Going back to a
 * checkpoint rewinds the log and the strategy together, so searching on forks a new history.
 */
export interface Checkpoint {
  readonly session: SessionCheckpoint;
  readonly strategy: StrategySnapshot;
  /** The operator that led here ('start' for the first). */
  readonly operator: Phase | 'start' | 'prune' | 'expand-here' | 'write';
  /** The phase the strategy runs next from here. */
  readonly next: Phase;
}

export class EditRefusedError extends Error {
  override readonly name = 'EditRefusedError';
}

/** Rollouts for the value: greedy to the known answer, or sampled and compared when there is none. */
function rolloutValue<P>(
  models: SessionModels,
  task: Task<P>,
  problem: P,
  known: boolean,
  config: SearchConfig,
) {
  return new RolloutValue(models.policy, task, problem, {
    mode: known ? 'answer' : 'agreement',
    rollouts: known ? 1 : 4,
    temperature: known ? 0 : 0.7,
    maxStepTokens: config.maxStepTokens,
  });
}

function createSession(
  setup: ValidSetup,
  models: SessionModels,
): SearchSession<CountdownProblem | MathProblem> {
  const seed = setup.config.seed;
  const rollout = setup.models.value.kind === 'rollout';
  if (setup.task === 'math') {
    const value = rollout
      ? rolloutValue(models, mathTask, setup.problem, setup.problem.answer !== undefined, setup.config)
      : models.value;
    // The session is typed by its task; the runner only hands problems back to that same task.
    return new SearchSession<MathProblem>(
      mathTask,
      setup.problem,
      { policy: models.policy, ...(value ? { value } : {}) },
      seed,
    ) as SearchSession<CountdownProblem | MathProblem>;
  }
  const value = rollout
    ? rolloutValue(models, countdownTask, setup.problem, true, setup.config)
    : models.value;
  return new SearchSession<CountdownProblem>(
    countdownTask,
    setup.problem,
    { policy: models.policy, ...(value ? { value } : {}) },
    seed,
  ) as SearchSession<CountdownProblem | MathProblem>;
}

export class SearchRunner {
  readonly session: SearchSession<CountdownProblem | MathProblem>;
  readonly strategy: Strategy;
  readonly checkpoints: Checkpoint[] = [];
  readonly config: SearchConfig;

  constructor(
    readonly setup: ValidSetup,
    models: SessionModels,
  ) {
    this.config = setup.config;
    this.session = createSession(setup, models);
    this.strategy = createStrategy(this.session, this.config);
    this.mark('start');
  }

  /**
   * A runner standing where a saved one stood: its log replayed, its strategy restored from the
   * last checkpoint, and every checkpoint kept, so the timeline and backtracking work as before.
   * Throws when the checkpoints do not fit the log or the strategy is not the setup's.
   */
  static restore(
    setup: ValidSetup,
    models: SessionModels,
    saved: { readonly events: readonly SearchEvent[]; readonly checkpoints: readonly Checkpoint[] },
  ): SearchRunner {
    const last = saved.checkpoints.at(-1);
    if (!last) throw new RangeError('a saved search needs at least its start checkpoint');
    if (last.session.eventCount !== saved.events.length) {
      throw new RangeError(
        `the last checkpoint stands at event ${last.session.eventCount}, but the log holds ${saved.events.length}`,
      );
    }
    const runner = new SearchRunner(setup, models);
    runner.session.restoreLog(saved.events, last.session);
    runner.strategy.restore(last.strategy);
    runner.checkpoints.length = 0;
    runner.checkpoints.push(...saved.checkpoints);
    return runner;
  }

  get phase(): Phase {
    return this.strategy.phase;
  }

  get done(): boolean {
    return this.strategy.phase === 'done';
  }

  /** Runs the strategy's next phase; returns the phase it ran and the events it appended. */
  async stepPhase(): Promise<{ ran: Phase; events: SearchEvent[] }> {
    const before = this.session.events.length;
    const ran = await this.strategy.step();
    this.mark(ran);
    return { ran, events: this.session.events.slice(before) };
  }

  /**
   * Hand edits are allowed between whole iterations, never halfway through one (an MCTS
   * simulation holds a selected path that a prune would invalidate).
   */
  canEdit(index = this.checkpoints.length - 1): boolean {
    const phase = this.checkpoints[index]?.next ?? this.strategy.phase;
    if (phase === 'done') return true;
    return this.strategy.name === 'mcts'
      ? phase === 'select'
      : phase !== 'evaluate' && phase !== 'backpropagate';
  }

  /** Prune: the subtree stops being selectable and its statistics leave its ancestors. */
  prune(nodeId: NodeId): SearchEvent[] {
    this.checkEditable();
    const node = getNode(this.session.tree, nodeId);
    if (node.parentId === null) throw new EditRefusedError('the root cannot be pruned');
    if (isInPrunedSubtree(this.session.tree, nodeId))
      throw new EditRefusedError(`${nodeId} is already pruned`);
    const before = this.session.events.length;
    this.session.prune(nodeId);
    this.mark('prune');
    return this.session.events.slice(before);
  }

  /** Expand by hand: k samples at `nodeId`, the new children evaluated and backed up to the root. */
  async expandHere(nodeId: NodeId): Promise<SearchEvent[]> {
    this.checkEditable();
    const node = getNode(this.session.tree, nodeId);
    if (isInPrunedSubtree(this.session.tree, nodeId))
      throw new EditRefusedError(`${nodeId} is in a pruned subtree`);
    if (node.status !== 'open')
      throw new EditRefusedError(`${nodeId} is ${node.status}: only open nodes can be expanded`);
    const before = this.session.events.length;
    const [children = []] = await this.session.expand(
      [{ nodeId, k: this.config.k }],
      this.config.strategy === 'cot' ? 0 : this.config.temperature,
      this.config.maxStepTokens,
    );
    const evaluations = await this.session.evaluate(children);
    this.session.backpropagate(pathTo(this.session.tree, nodeId), evaluations);
    this.mark('expand-here');
    return this.session.events.slice(before);
  }

  /**
   * Write a step by hand at `nodeId`: the policy scores the text, the verifier judges it, the value
   * model evaluates it, and the evaluation is backed up to the root (core/write-step.ts).
   */
  async writeStep(nodeId: NodeId, text: string): Promise<{ result: NodeId; events: SearchEvent[] }> {
    this.checkEditable();
    const before = this.session.events.length;
    const id = await this.session.write(nodeId, text);
    const evaluations = await this.session.evaluate([id]);
    this.session.backpropagate(pathTo(this.session.tree, nodeId), evaluations);
    this.mark('write');
    return { result: id, events: this.session.events.slice(before) };
  }

  /** Goes back to checkpoint `index`; the later ones are dropped (searching on forks from here). */
  rewindTo(index: number): void {
    const target = this.checkpoints[index];
    if (!target) throw new RangeError(`no checkpoint ${index} (there are ${this.checkpoints.length})`);
    this.session.rewind(target.session);
    this.strategy.restore(target.strategy);
    this.checkpoints.length = index + 1;
  }

  private checkEditable(): void {
    if (!this.canEdit()) {
      throw new EditRefusedError('finish the current iteration first (Step), then edit the tree');
    }
  }

  private mark(operator: Checkpoint['operator']): void {
    this.checkpoints.push({
      session: this.session.checkpoint(),
      strategy: this.strategy.snapshot(),
      operator,
      next: this.strategy.phase,
    });
  }
}
