import { firstSolvedNode, type ReasoningTree } from '../core/tree';
import type { PlaygroundState } from './store-types';

/**
 * Module-level selectors over the published search. Each snapshot is a new object, so a view that
 * selects the tree re-renders exactly when the search changed.
 */
export const selectDisplayedTree = (s: PlaygroundState): ReasoningTree | null =>
  s.imported?.tree ?? s.search?.shownTree ?? null;

/** Simulations completed up to the point shown on the timeline. */
export const selectSimulations = (s: PlaygroundState): number => s.search?.shown.simulations ?? 0;

/** Tokens the policy had generated at the point shown on the timeline. */
export const selectGeneratedTokens = (s: PlaygroundState): number => s.search?.shown.tokens ?? 0;

/** A verified solution exists in the displayed tree (outside pruned subtrees). */
export const selectSolved = (s: PlaygroundState): boolean => {
  const tree = selectDisplayedTree(s);
  return tree !== null && firstSolvedNode(tree) !== undefined;
};

/** Hand edits only between whole iterations, judged at the point shown (an edit there forks). */
export const selectCanEdit = (s: PlaygroundState): boolean =>
  s.search !== null && !s.busy && !s.running && s.search.blocked.edit === null;

export const selectTimelineLength = (s: PlaygroundState): number => s.search?.timelineLength ?? 0;
