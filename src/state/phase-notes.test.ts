import { describe, expect, it } from 'vitest';
import { replay, type NewChild, type SearchEvent } from '../core/events';
import { DEFAULT_CONFIG } from '../core/strategies/strategy';
import { describePhase } from './phase-notes';

const step = (text: string, transpositionOf?: string): NewChild => ({
  text,
  logProb: -1,
  prior: 0.5,
  tokens: 4,
  samples: 1,
  status: 'open',
  ...(transpositionOf ? { transpositionOf } : {}),
});

const BASE: SearchEvent[] = [
  {
    type: 'expand',
    parentId: 'n0',
    children: [
      step('2+3=5 (left: 5 5 7)'),
      step('5+2=7 (left: 3 7 7)'),
      step('a'),
      step('b'),
      step('c'),
      step('d'),
    ],
  },
  { type: 'expand', parentId: 'n1', children: [step('5+5=10 (left: 7 10)')] },
];

describe('phase notes for the toolbox operators', () => {
  it("tells graph mode's aggregate: a child joining a state already on the tree", () => {
    const expand: SearchEvent = {
      type: 'expand',
      parentId: 'n2',
      children: [step('7+3=10 (left: 7 10)', 'n7')],
    };
    const events = [...BASE, expand];
    const note = describePhase('expand', [expand], replay(events), DEFAULT_CONFIG);
    expect(note.text).toContain('1 reaching a state already on the tree (aggregated into n7)');
  });

  it('tells a backtrack and highlights both ends; names a batch of prunes in one sentence', () => {
    const tree = replay(BASE);
    const backtrack: SearchEvent = {
      type: 'backtrack',
      fromId: 'n7',
      toId: 'n0',
      reason: 'nothing left above 0.05',
    };
    const note = describePhase('select', [backtrack], tree, { ...DEFAULT_CONFIG, strategy: 'dfs' });
    expect(note.text).toBe('Backtrack from n7 to n0: nothing left above 0.05.');
    expect(note.highlight).toEqual(['n7', 'n0']);
    const prunes: SearchEvent[] = ['n2', 'n3', 'n4', 'n5', 'n6'].map((nodeId) => ({ type: 'prune', nodeId }));
    const pruned = describePhase('select', prunes, tree, { ...DEFAULT_CONFIG, strategy: 'beam' });
    expect(pruned.text).toMatch(/^Prune n2, n3, n4, n5 and 1 more: their subtrees are never selected again/);
    expect(pruned.text.match(/Prune/g)).toHaveLength(1);
  });

  it('tells a phase of refines in one sentence: the pairs, the critique, what the rewrites came to', () => {
    const critique = 'Critique: the step above is wrong (no 9 left). Rewrite that step correctly.';
    const refine = (nodeId: string, child: NewChild): SearchEvent => ({
      type: 'refine',
      nodeId,
      critique,
      child,
    });
    const phase: SearchEvent[] = [
      { type: 'evaluate', evaluations: [{ nodeId: 'n3', value: 0, source: 'verifier' }] },
      refine('n3', step('4+5=9 (left: 6 9 10)')),
      refine('n4', { ...step('9+9=18 (left: 18)'), status: 'failed', reason: 'no 9 left' }),
      { type: 'evaluate', evaluations: [{ nodeId: 'n8', value: 0.9, source: 'value-model' }] },
    ];
    const tree = replay([...BASE, ...phase]);
    expect(tree.nodes.n8?.refines).toBe('n3');
    expect(tree.nodes.n8?.parentId).toBe('n0');
    const note = describePhase('evaluate', phase, tree, DEFAULT_CONFIG);
    expect(note.text).toContain(
      `Refine n3 → n8, n4 → n9: the policy read each step followed by a critique ("${critique}")`,
    );
    expect(note.text).toContain('1 rewrite failing again');
    expect(note.text.match(/Refine/g)).toHaveLength(1);
    expect(note.text).toContain('Evaluate the rewrites: the value model scored 1 open node');
    expect(note.highlight).toEqual(expect.arrayContaining(['n3', 'n8', 'n4', 'n9']));
  });

  it('tells a parallel round in one sentence per operator: the leaves chosen, then the paths backed up', () => {
    const tree = replay(BASE);
    const config = { ...DEFAULT_CONFIG, parallel: 3 };
    const selects: SearchEvent[] = [
      { type: 'select', nodeIds: ['n0', 'n2'], kind: 'path' },
      { type: 'select', nodeIds: ['n0', 'n3'], kind: 'path' },
      { type: 'select', nodeIds: ['n0', 'n4'], kind: 'path' },
    ];
    const select = describePhase('select', selects, tree, config);
    expect(select.text).toMatch(
      /^Select, 3 leaves at once \(n2, n3, n4\): each path chosen adds a virtual loss/,
    );
    expect(select.text.match(/Select/g)).toHaveLength(1);
    const backups: SearchEvent[] = [
      { type: 'backpropagate', nodeIds: ['n0', 'n2'], visits: 2, valueSum: 0.5 },
      { type: 'backpropagate', nodeIds: ['n0', 'n3'], visits: 1, valueSum: 0.25 },
    ];
    const back = describePhase('backpropagate', backups, tree, config);
    expect(back.text).toBe(
      'Backpropagate 2 paths: 3 visits and value 0.75 in all go up each path to the root; the virtual losses are gone, real values stand in their place.',
    );
    // One at a time, each backup keeps its own sentence.
    const single = describePhase('backpropagate', [backups[0] as SearchEvent], tree, DEFAULT_CONFIG);
    expect(single.text).toMatch(/^Backpropagate: 2 visits and value 0.50 added to 2 ancestors/);
  });
});
