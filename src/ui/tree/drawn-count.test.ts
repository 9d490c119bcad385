import { describe, expect, it } from 'vitest';
import { createTree, type ReasoningTree } from '../../core/tree';
import { drawnCountText } from './drawn-count';
import { expandWith } from './scripted-tree';
import { layoutTree } from './tree-layout';

/** n0 -> n1, n2; n1 -> n3, n4 (both failed); n2 -> n5, n6. */
function tree(): ReasoningTree {
  const t = createTree();
  expandWith(t, 'n0', ['open', 'open']);
  expandWith(t, 'n1', ['failed', 'failed']);
  expandWith(t, 'n2', ['open', 'open']);
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
