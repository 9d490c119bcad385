import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../core/events';
import { createTree } from '../../core/tree';
import { expandWith } from './scripted-tree';
import { layoutTree } from './tree-layout';
import { answerPathIn } from './use-placed-labels';

describe('answerPathIn', () => {
  it('is the drawn path to the first solution created, which keeps its labels first', () => {
    const tree = createTree();
    expandWith(tree, 'n0', ['open', 'open']); // n1, n2
    expandWith(tree, 'n2', ['open', 'solved']); // n3, n4: the first solution
    expandWith(tree, 'n1', ['solved']); // n5: a later one
    expect([...answerPathIn(layoutTree(tree))].sort()).toEqual(['n0', 'n2', 'n4']);
  });

  it('is empty with no solution, and skips one that was pruned', () => {
    const tree = createTree();
    expandWith(tree, 'n0', ['open', 'open']);
    expect(answerPathIn(layoutTree(tree)).size).toBe(0);
    expandWith(tree, 'n1', ['solved']); // n3
    applyEvent(tree, { type: 'prune', nodeId: 'n1' });
    expect(answerPathIn(layoutTree(tree)).size).toBe(0);
  });
});
