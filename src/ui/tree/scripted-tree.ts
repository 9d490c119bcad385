import { applyEvent, type NewChild } from '../../core/events';
import type { NodeId, ReasoningTree } from '../../core/tree';

/**
 * For the tree view's unit tests: expands `parentId` with one child per status, as a scripted
 * policy would (no model), so that a test spells out exactly the tree it needs.
 */
export function expandWith(
  tree: ReasoningTree,
  parentId: NodeId,
  statuses: readonly NewChild['status'][],
): void {
  const children = statuses.map((status, i): NewChild => ({
    text: `step ${i}`,
    logProb: -1,
    prior: 0.5,
    tokens: 3,
    samples: 1,
    status,
  }));
  applyEvent(tree, { type: 'expand', parentId, children });
}
