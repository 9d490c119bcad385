import { describe, expect, it } from 'vitest';
import { replay, type NewChild, type SearchEvent } from '../../core/events';
import { layoutTree } from './tree-layout';

const step = (text: string, transpositionOf?: string): NewChild => ({
  text,
  logProb: -1,
  prior: 0.5,
  tokens: 4,
  samples: 1,
  status: 'open',
  ...(transpositionOf ? { transpositionOf } : {}),
});

// 2 3 5 7: 2+3 then 5+5, and 5+... another order reaching "5 5 7" again is a transposition of n3.
const EVENTS: SearchEvent[] = [
  { type: 'expand', parentId: 'n0', children: [step('2+3=5 (left: 5 5 7)'), step('5+2=7 (left: 3 7 7)')] },
  { type: 'expand', parentId: 'n1', children: [step('5+5=10 (left: 7 10)')] },
  { type: 'expand', parentId: 'n2', children: [step('7+3=10 (left: 7 10)', 'n3')] },
  { type: 'evaluate', evaluations: [{ nodeId: 'n4', value: 0.5, source: 'value-model' }] },
];

describe('a graph of states, drawn', () => {
  it('draws a transposition as a second edge into the node holding its state, not as a node', () => {
    const tree = replay(EVENTS);
    expect(tree.nodes.n3?.transpositions).toEqual(['n4']);
    const layout = layoutTree(tree);
    expect(layout.totalNodes).toBe(4);
    expect(layout.byId.has('n4')).toBe(false);
    const second = layout.edges.filter((e) => e.transposition);
    expect(second).toEqual([expect.objectContaining({ sourceId: 'n2', targetId: 'n3', visits: 1 })]);
    // Every drawn node but the root has exactly one tree edge in.
    const treeEdges = layout.edges.filter((e) => !e.transposition).map((e) => e.targetId);
    expect(treeEdges.sort()).toEqual(['n1', 'n2', 'n3']);
  });

  it('draws a rewrite beside the step it refines, joined to it by a refine edge', () => {
    const tree = replay([
      { type: 'expand', parentId: 'n0', children: [step('a'), step('b'), step('c')] },
      { type: 'refine', nodeId: 'n1', critique: 'Critique: x', child: step('a again') },
    ]);
    const layout = layoutTree(tree);
    // Pre-order puts the rewrite (created last, n4) right after n1, before n1's other siblings.
    expect(layout.nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'n4', 'n2', 'n3']);
    const refine = layout.edges.filter((e) => e.refine);
    expect(refine).toEqual([expect.objectContaining({ sourceId: 'n1', targetId: 'n4' })]);
    // Its tree edge still comes from the parent: the rewrite replaces the step, it does not follow it.
    expect(layout.edges.filter((e) => !e.refine && e.targetId === 'n4')).toEqual([
      expect.objectContaining({ sourceId: 'n0' }),
    ]);
  });
});
