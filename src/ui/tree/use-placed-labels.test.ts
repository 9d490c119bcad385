import { describe, expect, it } from 'vitest';
import { applyEvent, type NewChild } from '../../core/events';
import { createTree, type NodeId, type ReasoningTree } from '../../core/tree';
import { layoutTree } from './tree-layout';
import { answerPathIn } from './use-placed-labels';

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

describe('answerPathIn', () => {
  it('is the drawn path to the first solution created, which keeps its labels first', () => {
    const tree = createTree();
    expand(tree, 'n0', ['open', 'open']); // n1, n2
    expand(tree, 'n2', ['open', 'solved']); // n3, n4: the first solution
    expand(tree, 'n1', ['solved']); // n5: a later one
    expect([...answerPathIn(layoutTree(tree))].sort()).toEqual(['n0', 'n2', 'n4']);
  });

  it('is empty with no solution, and skips one that was pruned', () => {
    const tree = createTree();
    expand(tree, 'n0', ['open', 'open']);
    expect(answerPathIn(layoutTree(tree)).size).toBe(0);
    expand(tree, 'n1', ['solved']); // n3
    applyEvent(tree, { type: 'prune', nodeId: 'n1' });
    expect(answerPathIn(layoutTree(tree)).size).toBe(0);
  });
});
