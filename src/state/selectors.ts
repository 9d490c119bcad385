import { firstSolvedNode, type ReasoningTree } from '../core/tree';
import type { PlaygroundState } from './store-types';

/**
 * Module-level selectors. The tree is mutated in place, so a component that draws it selects
 * `version` too and re-reads the tree when it changes.
 */
export const selectDisplayedTree = (s: PlaygroundState): ReasoningTree | null =>
  s.pastTree ?? s.runner?.session.tree ?? null;

export const selectSimulations = (s: PlaygroundState): number =>
  s.runner ? s.runner.checkpoints.filter((c) => c.operator === 'backpropagate').length : 0;

/** A verified solution exists in the displayed tree (outside pruned subtrees). */
export const selectSolved = (s: PlaygroundState): boolean => {
  const tree = selectDisplayedTree(s);
  return tree !== null && firstSolvedNode(tree) !== undefined;
};

export const selectCanEdit = (s: PlaygroundState): boolean =>
  s.runner !== null && !s.busy && !s.running && (s.cursor !== null || s.runner.canEdit());

export const selectTimelineLength = (s: PlaygroundState): number => s.runner?.checkpoints.length ?? 0;
