import type { Phase } from '../../core/strategies/strategy';
import { isInPrunedSubtree } from '../../core/tree';
import type { SearchRunner } from '../../state/search-runner';
import { selectCanEdit, selectDisplayedTree } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';

export type ControlAction =
  'run' | 'pause' | 'step' | 'stepPhase' | 'reset' | 'prune' | 'expand' | 'backtrack';

/** Per action: null when it can act now, otherwise the reason it cannot (shown as the tooltip). */
export type Availability = Readonly<Record<ControlAction, string | null>>;

const isPhaseOperator = (op: SearchRunner['checkpoints'][number]['operator']): op is Phase =>
  op !== 'start' && op !== 'prune' && op !== 'expand-here';

/**
 * The phase the strategy runs next at the displayed point. Viewing the past, that is the first
 * strategy phase recorded after the cursor: hand edits do not move the strategy, so when only edits
 * follow, the strategy there stands where it stands now.
 */
export function nextPhaseAt(runner: SearchRunner, cursor: number | null): Phase {
  if (cursor === null) return runner.phase;
  const later = runner.checkpoints.slice(cursor + 1).find((c) => isPhaseOperator(c.operator));
  return later && isPhaseOperator(later.operator) ? later.operator : runner.phase;
}

function modelsReason(s: PlaygroundState): string | null {
  switch (s.modelStatus) {
    case 'ready':
      return null;
    case 'loading':
      return 'The models are still loading';
    case 'error':
      return 'The models failed to load';
    case 'idle':
      return 'The models are not loaded';
  }
}

/** Why no search can act at all, if so: the models, the setup, a run or a phase in flight. */
function searchReason(s: PlaygroundState): string | null {
  if (s.imported) return 'Showing an imported x1 tree: close it to search';
  const models = modelsReason(s);
  if (models) return models;
  if (!s.runner) {
    return Object.keys(s.setupErrors).length > 0
      ? 'Fix the setup first'
      : 'No search yet: press Reset to start one';
  }
  if (s.running) return 'The search is running: pause it first';
  if (s.busy) return 'A phase is in progress';
  return null;
}

/** Why the selected node cannot be pruned or expanded by hand, judged on the displayed tree. */
function nodeReason(s: PlaygroundState, action: 'prune' | 'expand'): string | null {
  if (s.selectedId === null) return 'Select a node in the tree first';
  if (!selectCanEdit(s)) return 'Finish the current iteration first (Step), then edit the tree';
  const tree = selectDisplayedTree(s);
  if (!tree) return 'No tree yet';
  // The selection can outlive its node when the timeline moves back before the node existed.
  const node = tree.nodes[s.selectedId];
  if (!node) return `${s.selectedId} does not exist at this point of the timeline`;
  if (isInPrunedSubtree(tree, node.id)) return `${node.id} is already pruned`;
  if (action === 'prune' && node.parentId === null) return 'The root cannot be pruned';
  if (action === 'expand' && node.status !== 'open') {
    return `${node.id} is ${node.status}: only open nodes can be expanded`;
  }
  return null;
}

/**
 * One module-level selector that the buttons and the keyboard shortcuts share, so a key never does
 * what its disabled button says it cannot. It returns primitives only: with `useShallow` it
 * re-renders when an answer changes, including after in-place tree mutations (each bumps `version`).
 */
export function selectAvailability(s: PlaygroundState): Availability {
  const search = searchReason(s);
  const runner = s.runner;
  const done = runner !== null && nextPhaseAt(runner, s.cursor) === 'done';
  const advance = search ?? (done ? 'The search is done: Reset to start again' : null);
  const lastIndex = runner ? (s.cursor ?? runner.checkpoints.length - 1) : 0;
  return {
    run: advance,
    pause: s.running ? null : 'The search is not running',
    step: advance,
    stepPhase: advance,
    reset: modelsReason(s),
    prune: search ?? nodeReason(s, 'prune'),
    expand: search ?? nodeReason(s, 'expand'),
    backtrack: search ?? (lastIndex < 1 ? 'Nothing to undo yet' : null),
  };
}
