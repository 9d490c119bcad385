import { describe, expect, it } from 'vitest';
import { applyEvent, type NewChild } from '../core/events';
import { createTree, type ReasoningTree } from '../core/tree';
import { failingBranch } from './failing-branch';

const child = (text: string, status: NewChild['status'] = 'open', reason?: string): NewChild => ({
  text,
  logProb: -1,
  prior: 0.5,
  tokens: 10,
  samples: 1,
  status,
  ...(reason ? { reason } : {}),
});

/** 1 8 10 11 -> 24: a good first step whose second step is a dead end, and a first-step slip. */
function tree(): ReasoningTree {
  const t = createTree();
  applyEvent(t, {
    type: 'expand',
    parentId: 'n0',
    children: [child('11+1=12 (left: 8 10 12)'), child('1+1=2 (left: 2 8 10)', 'failed', 'reused 1')],
  });
  applyEvent(t, {
    type: 'evaluate',
    evaluations: [
      { nodeId: 'n1', value: 0.95, source: 'value-model' },
      { nodeId: 'n2', value: 0, source: 'verifier' },
    ],
  });
  applyEvent(t, {
    type: 'expand',
    parentId: 'n1',
    children: [child('10-8=2 (left: 2 12)'), child('10*8=80 (left: 12 80)')],
  });
  applyEvent(t, {
    type: 'evaluate',
    evaluations: [
      { nodeId: 'n3', value: 0.9, source: 'value-model' },
      { nodeId: 'n4', value: 0.05, source: 'value-model' },
    ],
  });
  return t;
}

describe('the failing branch the lesson shows', () => {
  const problem = { numbers: [1, 8, 10, 11], target: 24 };

  it('is the dead end whose value fell partway, not the first-step slip', () => {
    const branch = failingBranch(tree(), problem);
    expect(branch?.leaf.id).toBe('n4');
    expect(branch?.steps.map((s) => s.id)).toEqual(['n1', 'n4']);
    expect(branch?.drop?.id).toBe('n4');
    expect(branch?.why).toMatch(/no way on from 12, 80 reaches 24/);
  });

  it('never takes a leaf that can still reach the target', () => {
    const branch = failingBranch(tree(), problem);
    expect(branch?.leaf.id).not.toBe('n3');
  });

  it('without a puzzle to judge dead ends, falls back to failed terminals', () => {
    expect(failingBranch(tree(), null)?.leaf.id).toBe('n2');
    expect(failingBranch(createTree(), problem)).toBeUndefined();
  });
});
