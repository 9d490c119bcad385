import { isInPrunedSubtree } from '../../core/tree';
import { selectDisplayedTree } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';

/**
 * Why an action cannot act now, in words (null = it can): the tooltip of a disabled button, and
 * the reason its key does nothing. Judged on the published search at the point shown.
 */

export function modelsReason(s: PlaygroundState): string | null {
  switch (s.modelStatus) {
    case 'ready':
      return null;
    case 'loading':
      return 'The models are still loading';
    case 'confirm':
      return 'The models wait for your go-ahead to download (Download, beside the model status)';
    case 'error':
      return 'The models failed to load';
    case 'idle':
      return 'The models are not loaded';
  }
}

/** Why no search can act at all, if so: the models, the setup, a run or a phase in flight. */
export function searchReason(s: PlaygroundState): string | null {
  if (s.imported) return 'Showing an imported x1 tree: close it to search';
  // A recording replays without models: it can be stepped while they load.
  if (s.search?.recording) return s.running ? 'The recording is playing: pause it first' : null;
  const models = modelsReason(s);
  if (models) return models;
  if (!s.search) {
    return Object.keys(s.setupErrors).length > 0
      ? 'Fix the setup first'
      : 'No search yet: press Reset to start one';
  }
  if (s.running) return 'The search is running: pause it first';
  if (s.busy) return 'A phase is in progress';
  return null;
}

/** Run, Step and Step phase: the search can act and has not ended at the point shown. */
export function advanceReason(s: PlaygroundState): string | null {
  return searchReason(s) ?? s.search?.blocked.advance ?? null;
}

/** Why the selected node cannot be pruned or expanded by hand, judged on the displayed tree. */
export function nodeReason(s: PlaygroundState, action: 'prune' | 'expand'): string | null {
  const search = searchReason(s);
  if (search) return search;
  if (s.selectedId === null) return 'Select a node in the tree first';
  const edit = s.search?.blocked.edit;
  if (edit) return edit;
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

/** Moving along the timeline: only between operators, and only through a search's own history. */
export function timelineReason(s: PlaygroundState): string | null {
  if (s.imported) return 'An imported x1 tree has no history';
  if ((s.search?.timelineLength ?? 0) < 2) return 'Nothing to go back to yet';
  if (s.running) return 'Pause the search to move along the timeline';
  if (s.busy) return 'A phase is in progress';
  return null;
}

/** The arrow keys belong to the lesson in the presenter view (use-lesson-keys.ts). */
export function timelineKeyReason(s: PlaygroundState, step: -1 | 1): string | null {
  if (s.presenter && s.lessonOpen) return 'In the presenter view the arrow keys move through the lesson';
  const why = timelineReason(s);
  if (why || !s.search) return why;
  const { index } = s.search.shown;
  if (step < 0 && index === 0) return 'Already at the start of the timeline';
  if (step > 0 && s.search.cursor === null) return 'Already at the present';
  return null;
}
