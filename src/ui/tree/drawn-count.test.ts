import { describe, expect, it } from 'vitest';
import { applyEvent, type NewChild } from '../../core/events';
import { createTree, type NodeId, type ReasoningTree } from '../../core/tree';
import { drawnCountText } from './drawn-count';
import { layoutTree } from './tree-layout';

function expand(tree: ReasoningTree, parentId: NodeId, statuses: NewChild['status'][]): void {
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

/** n0 -> n1, n2; n1 -> n3, n4 (both failed); n2 -> n5, n6. */
function tree(): ReasoningTree {
  const t = createTree();
  expand(t, 'n0', ['open', 'open']);
  expand(t, 'n1', ['failed', 'failed']);
  expand(t, 'n2', ['open', 'open']);
  return t;
}

describe('drawnCountText', () => {
  it('counts the nodes when all are drawn', () => {
    expect(drawnCountText(layoutTree(tree()))).toBe('7 nodes');
  });

  it('says why nodes are missing: by hand, failed, or the budget', () => {
    expect(drawnCountText(layoutTree(tree(), { collapsed: new Set(['n2']) }))).toBe(
      '5 of 7 nodes drawn (folded: by hand)',
    );
    expect(drawnCountText(layoutTree(tree(), { foldFailed: true }))).toBe(
      '5 of 7 nodes drawn (folded: failed)',
    );
    expect(drawnCountText(layoutTree(tree(), { nodeBudget: 3 }))).toMatch(
      /^\d of 7 nodes drawn \(folded: least-visited\)$/,
    );
  });
});
