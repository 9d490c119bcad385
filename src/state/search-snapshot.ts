import type { SearchEvent } from '../core/events';
import { replay } from '../core/events';
import type { Phase, SearchConfig, SearchResult } from '../core/strategies/strategy';
import type { ReasoningTree } from '../core/tree';
import type { PhaseNote } from './phase-notes';
import { archiveIdOf } from './persistence/session-archive';
import type { Checkpoint, SearchRunner } from './search-runner';
import type { ValidSetup } from './setup-validate';

/**
 * The search as the views see it: a read-only value, published as a new object after every
 * operator, seek or edit. The engine's runner stays inside the state layer (as xyflow keeps its
 * mutable lookup internal and publishes fresh values through its store), so a view can never
 * change the search except through the store's actions, and a changed search is a changed object.
 */
export interface SearchSnapshot {
  /**
   * The live tree. The wrapper is new in every snapshot, so selecting it re-renders on change;
   * the node map inside is the engine's (mutable, never to be written by a view). A grown tree
   * keeps its node map; a rewound or replaced one gets a new map.
   */
  readonly tree: ReasoningTree;
  /** The tree at the point shown: the live one, or the past one replayed at the timeline cursor. */
  readonly shownTree: ReasoningTree;
  /** Timeline position when looking at an earlier checkpoint; null = the present. */
  readonly cursor: number | null;
  /** Checkpoints on the timeline (one per operator, the start included). */
  readonly timelineLength: number;
  /** The checkpoint shown and what it says (the cursor's, or the last). */
  readonly shown: ShownPoint;
  /** The live search has ended (its next phase is 'done'). */
  readonly done: boolean;
  readonly setup: ValidSetup;
  readonly config: SearchConfig;
  /** The prompt the policy is given (the task's statement of the problem). */
  readonly prompt: string;
  readonly result: SearchResult | null;
  /** Nodes in the live tree. */
  readonly nodeCount: number;
  /** What the last operator did, in words, and the nodes to highlight. */
  readonly note: PhaseNote;
  /** The events the last operator appended (empty after a seek, a rewind or a restore). */
  readonly events: readonly SearchEvent[];
  /** Why each kind of search action cannot act at the point shown; null = it can. */
  readonly blocked: SearchBlocks;
  /** The id this search is saved under between visits. */
  readonly sessionId: string;
  /** A recorded search shown while the models load (recording.ts): replayed, not searched. */
  readonly recording: boolean;
}

export interface ShownPoint {
  readonly index: number;
  /** The operator that led to this checkpoint ('start' for the first). */
  readonly operator: Checkpoint['operator'];
  /** The phase the strategy runs next from here. */
  readonly nextPhase: Phase;
  /** Simulations (MCTS iterations, backpropagations) completed up to here. */
  readonly simulations: number;
  /** Tokens the policy had generated up to here. */
  readonly tokens: number;
  /** The simulation in which the first verified solution appeared, if one had by here. */
  readonly firstSolvedAt: number | null;
}

/** Reasons owned by the search itself; the models, a run in flight and the selection are the store's. */
export interface SearchBlocks {
  /** Run, Step, Step phase. */
  readonly advance: string | null;
  /** Prune and Expand here (before the selected node is considered). */
  readonly edit: string | null;
  readonly backtrack: string | null;
}

/** A strategy phase, not the start or a hand edit. */
export const isPhaseOperator = (op: Checkpoint['operator']): op is Phase =>
  op !== 'start' && op !== 'prune' && op !== 'expand-here' && op !== 'write';

/**
 * The phase the strategy runs next at checkpoint `index`. In the past, that is the first strategy
 * phase recorded after it: hand edits do not move the strategy, so when only edits follow, the
 * strategy there stands where it stands now.
 */
function nextPhaseAt(runner: SearchRunner, index: number): Phase {
  const last = runner.checkpoints.length - 1;
  if (index >= last) return runner.phase;
  for (let i = index + 1; i <= last; i++) {
    const operator = runner.checkpoints[i]?.operator;
    if (operator !== undefined && isPhaseOperator(operator)) return operator;
  }
  return runner.phase;
}

/**
 * Counts per checkpoint, once, growing with the timeline, so publishing a snapshot never recounts
 * the history: simulations completed, and whether a verified solution had been found (a rewind
 * drops the counts past it).
 */
export class SimulationCounter {
  /** `round`: simulations the round under way completes (parallel MCTS selects several paths). */
  private readonly counts: { simulations: number; solved: boolean; round: number }[] = [];

  private fill(checkpoints: readonly Checkpoint[], events: readonly SearchEvent[], index: number): void {
    this.counts.length = Math.min(this.counts.length, checkpoints.length);
    for (let i = this.counts.length; i <= index; i++) {
      const before = this.counts[i - 1] ?? { simulations: 0, solved: false, round: 1 };
      const from = checkpoints[i - 1]?.session.eventCount ?? 0;
      const to = checkpoints[i]?.session.eventCount ?? from;
      const added = events.slice(from, to);
      const operator = checkpoints[i]?.operator;
      const paths = added.filter((e) => e.type === 'select' && e.kind === 'path').length;
      const round = operator === 'select' ? Math.max(1, paths) : before.round;
      this.counts.push({
        simulations: before.simulations + (operator === 'backpropagate' ? round : 0),
        solved: before.solved || added.some(solves),
        round,
      });
    }
  }

  at(checkpoints: readonly Checkpoint[], index: number, events: readonly SearchEvent[]): number {
    this.fill(checkpoints, events, index);
    return this.counts[index]?.simulations ?? 0;
  }

  /**
   * The simulation (1-based) during which the first verified solution appeared, if it had by
   * checkpoint `index`: a solution found while expanding belongs to the simulation under way.
   */
  firstSolvedAt(
    checkpoints: readonly Checkpoint[],
    events: readonly SearchEvent[],
    index: number,
  ): number | null {
    this.fill(checkpoints, events, index);
    const first = this.counts.findIndex((c, i) => i <= index && c.solved);
    if (first < 0) return null;
    const done = this.counts[first]?.simulations ?? 0;
    return checkpoints[first]?.operator === 'backpropagate' ? done : done + 1;
  }

  /** The counts stand for another history (a rewind, a restore): forget them. */
  truncate(length: number): void {
    this.counts.length = Math.min(this.counts.length, length);
  }
}

/** An event that adds a child the verifier judged solved. */
const solves = (e: SearchEvent): boolean =>
  e.type === 'expand' && e.children.some((c) => c.status === 'solved');

export interface SnapshotInput {
  readonly runner: SearchRunner;
  readonly cursor: number | null;
  readonly note: PhaseNote;
  readonly events: readonly SearchEvent[];
  readonly counter: SimulationCounter;
  /** The past tree when `cursor` is unchanged since the last snapshot (replaying it is not free). */
  readonly pastTree?: ReasoningTree;
  readonly recording?: boolean;
}

/** A new snapshot of `runner` as it stands, shown at `cursor`. */
export function snapshotOf(input: SnapshotInput): SearchSnapshot {
  const { runner, cursor, counter } = input;
  const last = runner.checkpoints.length - 1;
  const index = cursor ?? last;
  const checkpoint = runner.checkpoints[index];
  const liveTree = runner.session.tree;
  const tree: ReasoningTree = { ...liveTree };
  const shownTree =
    cursor === null || !checkpoint
      ? tree
      : (input.pastTree ?? replay(runner.session.events, checkpoint.session.eventCount));
  const nextPhase = nextPhaseAt(runner, index);
  return {
    tree,
    shownTree,
    cursor,
    timelineLength: runner.checkpoints.length,
    shown: {
      index,
      operator: checkpoint?.operator ?? 'start',
      nextPhase,
      simulations: counter.at(runner.checkpoints, index, runner.session.events),
      tokens: checkpoint?.session.generatedTokens ?? 0,
      firstSolvedAt: counter.firstSolvedAt(runner.checkpoints, runner.session.events, index),
    },
    done: runner.done,
    setup: runner.setup,
    config: runner.config,
    prompt: runner.session.prompt,
    result: runner.strategy.result ?? null,
    nodeCount: Object.keys(liveTree.nodes).length,
    note: input.note,
    events: input.events,
    blocked: input.recording
      ? {
          advance:
            index >= last ? 'The recording is over: the live search starts when the models are ready' : null,
          edit: 'This is a recording: prune and expand wait for the live search',
          backtrack: 'This is a recording: move along it with the timeline',
        }
      : {
          advance: nextPhase === 'done' ? 'The search is done: Reset to start again' : null,
          edit: runner.canEdit(index)
            ? null
            : 'Finish the current iteration first (Step), then edit the tree',
          backtrack: index < 1 ? 'Nothing to undo yet' : null,
        },
    sessionId: archiveIdOf(runner),
    recording: input.recording ?? false,
  };
}
