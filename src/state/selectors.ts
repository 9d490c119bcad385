import { firstSolvedNode, type ReasoningTree } from '../core/tree';
import type { PlaygroundState } from './store-types';

/**
 * Module-level selectors. The tree is mutated in place, so a component that draws it selects
 * `version` too and re-reads the tree when it changes.
 */
export const selectDisplayedTree = (s: PlaygroundState): ReasoningTree | null =>
  s.pastTree ?? s.imported?.tree ?? s.runner?.session.tree ?? null;

/** The checkpoint shown: the timeline cursor, or the present. */
const shownIndex = (s: PlaygroundState): number => s.cursor ?? (s.runner?.checkpoints.length ?? 1) - 1;

/** Simulations completed up to the point shown on the timeline. */
export const selectSimulations = (s: PlaygroundState): number =>
  s.runner
    ? s.runner.checkpoints.slice(0, shownIndex(s) + 1).filter((c) => c.operator === 'backpropagate').length
    : 0;

/** Tokens the policy had generated at the point shown on the timeline. */
export const selectGeneratedTokens = (s: PlaygroundState): number =>
  s.runner?.checkpoints[shownIndex(s)]?.session.generatedTokens ?? 0;

/** A verified solution exists in the displayed tree (outside pruned subtrees). */
export const selectSolved = (s: PlaygroundState): boolean => {
  const tree = selectDisplayedTree(s);
  return tree !== null && firstSolvedNode(tree) !== undefined;
};

/** Hand edits only between whole iterations, judged at the point shown (an edit there forks). */
export const selectCanEdit = (s: PlaygroundState): boolean =>
  s.runner !== null && !s.busy && !s.running && s.runner.canEdit(shownIndex(s));

export const selectTimelineLength = (s: PlaygroundState): number => s.runner?.checkpoints.length ?? 0;
