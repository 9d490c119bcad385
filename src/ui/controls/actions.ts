import type { PlaygroundState } from '../../state/store-types';
import { advanceReason, modelsReason, nodeReason, searchReason, timelineKeyReason } from './action-reasons';

/**
 * Every command of the playground, registered once (as excalidraw registers its actions): the
 * buttons, the keyboard shortcuts, the help popover and the tooltips all read this list, so a key
 * never does what its disabled button says it cannot, and a key's name is written only here.
 */
export type ActionId =
  | 'run'
  | 'pause'
  | 'step'
  | 'stepPhase'
  | 'reset'
  | 'prune'
  | 'expand'
  | 'backtrack'
  | 'timelineBack'
  | 'timelineForward'
  | 'fit';

export interface PlaygroundAction {
  readonly id: ActionId;
  /** The button's text, and the action's name in the help. */
  readonly label: string;
  /** `KeyboardEvent.key` values, lower case, that perform it (without Ctrl, Alt or Meta). */
  readonly keys: readonly string[];
  /** What it does, for its tooltip while it can act (the keys are added to it). */
  readonly hint: (s: PlaygroundState) => string;
  /** null when it can act now; otherwise why not (the tooltip of its disabled button). */
  readonly reason: (s: PlaygroundState) => string | null;
  readonly perform: (s: PlaygroundState) => void;
  /** A held key repeats it (moving along the timeline), rather than firing once. */
  readonly repeats?: boolean;
  /** Actions sharing a help line say it once, their keys side by side (← → for the timeline). */
  readonly helpLine?: string;
  /** Its keys belong to something else in this state (the lesson, in the presenter view). */
  readonly yieldsKeys?: (s: PlaygroundState) => boolean;
}

const MCTS_CYCLE = 'select → expand → evaluate → backpropagate';
const isMcts = (s: PlaygroundState) => s.search?.config.strategy === 'mcts';

/** The phase Step phase runs next at the point shown, when there is one. */
export function nextPhaseLabel(s: PlaygroundState): string | null {
  const next = s.search?.shown.nextPhase;
  return next && next !== 'done' ? next : null;
}

const seekBy = (s: PlaygroundState, step: -1 | 1) => {
  if (!s.search) return;
  s.seek(s.search.shown.index + step);
};

export const ACTIONS: readonly PlaygroundAction[] = [
  {
    id: 'run',
    label: '▶ Run',
    keys: [' '],
    hint: () => 'Run the search to its budget',
    reason: advanceReason,
    perform: (s) => void s.run(),
  },
  {
    id: 'pause',
    label: '❚❚ Pause',
    keys: [' '],
    hint: () => 'Pause the search after the phase in flight',
    reason: (s) => (s.running ? null : 'The search is not running'),
    perform: (s) => s.pause(),
  },
  {
    id: 'step',
    label: 'Step',
    keys: ['s'],
    hint: (s) => (isMcts(s) ? 'Step: one whole simulation' : 'Step: one whole iteration'),
    reason: advanceReason,
    perform: (s) => void s.step(),
  },
  {
    id: 'stepPhase',
    label: 'Step phase',
    keys: ['f', '.'],
    hint: (s) => {
      const next = nextPhaseLabel(s);
      return `Run one phase${next ? `; next: ${next}` : ''}${isMcts(s) ? ` (${MCTS_CYCLE})` : ''}`;
    },
    reason: advanceReason,
    perform: (s) => void s.stepPhase(),
  },
  {
    id: 'reset',
    label: '⟲ Reset',
    keys: ['r'],
    hint: () => 'Start the search again from the root',
    reason: modelsReason,
    perform: (s) => s.reset(),
  },
  {
    id: 'prune',
    label: '✂ Prune',
    keys: ['p'],
    hint: () => 'Prune the selected node: its subtree is never selected again',
    reason: (s) => nodeReason(s, 'prune'),
    perform: (s) => s.prune(),
  },
  {
    id: 'expand',
    label: '⊕ Expand here',
    keys: ['e'],
    hint: () => 'Expand the selected node by hand: sample, evaluate and back up its children',
    reason: (s) => nodeReason(s, 'expand'),
    perform: (s) => void s.expandHere(),
  },
  {
    id: 'backtrack',
    label: '↶ Backtrack',
    keys: ['backspace', 'z'],
    hint: (s) => {
      const op = s.search?.shown.operator;
      const what =
        op === 'expand-here'
          ? 'the expansion by hand'
          : op === 'prune'
            ? 'the prune'
            : op === 'write'
              ? 'the step written by hand'
              : `the ${op} phase`;
      return `Backtrack: rewind the search to before its last operator (${what}), one step back on the timeline; searching on forks a new history`;
    },
    reason: (s) => searchReason(s) ?? s.search?.blocked.backtrack ?? null,
    perform: (s) => s.backtrack(),
  },
  {
    id: 'timelineBack',
    label: 'Timeline: one step back',
    keys: ['arrowleft'],
    hint: () => 'Show the tree one operator earlier',
    reason: (s) => timelineKeyReason(s, -1),
    perform: (s) => seekBy(s, -1),
    helpLine: 'Timeline: one step back / forward',
    repeats: true,
    yieldsKeys: (s) => s.presenter && s.lessonOpen,
  },
  {
    id: 'timelineForward',
    label: 'Timeline: one step forward',
    keys: ['arrowright'],
    hint: () => 'Show the tree one operator later',
    reason: (s) => timelineKeyReason(s, 1),
    perform: (s) => seekBy(s, 1),
    helpLine: 'Timeline: one step back / forward',
    repeats: true,
    yieldsKeys: (s) => s.presenter && s.lessonOpen,
  },
  {
    id: 'fit',
    label: 'Fit',
    keys: ['0'],
    hint: () => 'Fit the whole tree into the view',
    reason: (s) => (s.search || s.imported ? null : 'No tree yet'),
    perform: (s) => s.fit(),
  },
];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionById(id: ActionId): PlaygroundAction {
  const action = BY_ID.get(id);
  if (!action) throw new Error(`no action ${id}`);
  return action;
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  ' ': 'Space',
  arrowleft: '←',
  arrowright: '→',
  backspace: 'Backspace',
};

/** What an action does, in words: its label without the button's icon ("Prune", not "✂ Prune"). */
export const plainLabel = (action: PlaygroundAction): string => action.label.replace(/^[^\p{L}]+/u, '');

/** A key as the user reads it. */
export const keyLabel = (key: string): string => KEY_LABELS[key] ?? key.toUpperCase();

/** The keys of an action as a tooltip ends with them, e.g. " [F or .]". */
export const keysSuffix = (action: PlaygroundAction): string =>
  action.keys.length === 0 ? '' : ` [${action.keys.map(keyLabel).join(' or ')}]`;

/** The tooltip: why it cannot act, or what it does and its keys. */
export function actionTitle(action: PlaygroundAction, s: PlaygroundState): string {
  return action.reason(s) ?? `${action.hint(s)}${keysSuffix(action)}`;
}

/** The actions a key performs, in registry order (Space: Run or Pause, whichever can act). */
export function actionsForKey(key: string): readonly PlaygroundAction[] {
  return ACTIONS.filter((a) => a.keys.includes(key));
}
