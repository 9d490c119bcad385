import { describe, expect, it } from 'vitest';
import { applyEvent, type NewChild } from '../../core/events';
import { createTree, getNode, pathTo, type NodeId, type ReasoningTree } from '../../core/tree';
import { LEVEL_SPACING_Y, NODE_SPACING_X, layoutTree, type LayoutNode, type TreeLayout } from './tree-layout';

function child(text: string, status: NewChild['status'] = 'open'): NewChild {
  return { text, logProb: -1, prior: 0.5, tokens: 3, samples: 1, status };
}

/** Expands `parentId` with `count` open children and returns their ids (n1, n2, ... in creation order). */
function expand(tree: ReasoningTree, parentId: NodeId, count: number): NodeId[] {
  const first = tree.nextId;
  const children = Array.from({ length: count }, (_, i) => child(`step ${first + i}`));
  applyEvent(tree, { type: 'expand', parentId, children });
  return children.map((_, i) => `n${first + i}`);
}

/** One evaluation of `id` whose value is backed up to its ancestors, as MCTS does. */
function visit(tree: ReasoningTree, id: NodeId, value: number): void {
  applyEvent(tree, { type: 'evaluate', evaluations: [{ nodeId: id, value, source: 'value-model' }] });
  const ancestors = pathTo(tree, id).slice(0, -1);
  applyEvent(tree, { type: 'backpropagate', nodeIds: ancestors, visits: 1, valueSum: value });
}

function drawn(layout: TreeLayout, id: NodeId): LayoutNode {
  const node = layout.byId.get(id);
  if (!node) throw new Error(`${id} is not drawn`);
  return node;
}

/** n0 -> n1, n2, n3; n1 -> n4, n5; n4 -> n6, n7. */
function smallTree(): ReasoningTree {
  const tree = createTree();
  expand(tree, 'n0', 3);
  expand(tree, 'n1', 2);
  expand(tree, 'n4', 2);
  return tree;
}

/** A seeded, MCTS-like tree of at least `size` nodes: visits concentrate on a few lines. */
function bigTree(size: number): ReasoningTree {
  const tree = createTree();
  let seed = 12345;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const open: NodeId[] = ['n0'];
  while (Object.keys(tree.nodes).length < size) {
    // Squaring the draw favours the oldest open nodes, so some lines get deep and well visited.
    const pick = Math.floor(random() ** 2 * open.length);
    const [parentId] = open.splice(pick, 1);
    if (parentId === undefined) break;
    const kids = expand(tree, parentId, 2 + Math.floor(random() * 6));
    for (const id of kids) visit(tree, id, random());
    open.push(...kids);
  }
  return tree;
}

describe('layoutTree', () => {
  it('places every node at finite, distinct positions with parents above children', () => {
    const tree = smallTree();
    const layout = layoutTree(tree, { collapsed: new Set() });
    expect(layout.nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'n4', 'n6', 'n7', 'n5', 'n2', 'n3']);
    expect(layout.edges).toHaveLength(7);
    for (const node of layout.nodes) {
      expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
      if (node.parentId !== null) expect(drawn(layout, node.parentId).y).toBeLessThan(node.y);
      expect(node.y).toBe(node.depth * LEVEL_SPACING_Y);
    }
    const siblings = getNode(tree, 'n0').childIds.map((id) => drawn(layout, id).x);
    expect(new Set(siblings).size).toBe(siblings.length);
    // Left to right in childIds order.
    expect([...siblings].sort((a, b) => a - b)).toEqual(siblings);
    // Adjacent siblings sit one spacing apart.
    expect(drawn(layout, 'n3').x - drawn(layout, 'n2').x).toBe(NODE_SPACING_X);
    for (const edge of layout.edges) {
      expect(edge.x1).toBe(drawn(layout, edge.sourceId).x);
      expect(edge.y2).toBe(drawn(layout, edge.targetId).y);
    }
  });

  it('is deterministic', () => {
    const tree = bigTree(500);
    expect(layoutTree(tree, { nodeBudget: 200 })).toEqual(layoutTree(tree, { nodeBudget: 200 }));
  });

  it('hides the descendants of collapsed nodes and counts them', () => {
    const tree = smallTree();
    const layout = layoutTree(tree, { collapsed: new Set(['n1']) });
    expect(layout.nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(layout.edges.map((e) => e.targetId)).toEqual(['n1', 'n2', 'n3']);
    expect(drawn(layout, 'n1')).toMatchObject({
      collapsed: true,
      autoCollapsed: false,
      hiddenDescendants: 4,
    });
    expect(drawn(layout, 'n2')).toMatchObject({ collapsed: false, hiddenDescendants: 0 });
    expect(layout.totalNodes).toBe(8);
  });

  it('does not mark a leaf as collapsed', () => {
    const layout = layoutTree(smallTree(), { collapsed: new Set(['n2']) });
    expect(drawn(layout, 'n2')).toMatchObject({ collapsed: false, hiddenDescendants: 0 });
  });

  it('flags every node of a pruned subtree, and only those', () => {
    const tree = smallTree();
    applyEvent(tree, { type: 'prune', nodeId: 'n4' });
    const layout = layoutTree(tree);
    const pruned = layout.nodes.filter((n) => n.pruned).map((n) => n.id);
    expect(pruned).toEqual(['n4', 'n6', 'n7']);
    expect(pruned.map((id) => drawn(layout, id).state)).toEqual(['pruned', 'pruned', 'pruned']);
    expect(layout.edges.find((e) => e.targetId === 'n6')?.pruned).toBe(true);
    expect(drawn(layout, 'n5')).toMatchObject({ pruned: false, state: 'open' });
  });

  it('derives the glyph state, Q and value', () => {
    const tree = createTree();
    applyEvent(tree, {
      type: 'expand',
      parentId: 'n0',
      children: [child('a'), child('b', 'solved'), child('c', 'failed')],
    });
    visit(tree, 'n1', 0.25);
    visit(tree, 'n1', 0.75);
    applyEvent(tree, { type: 'prune', nodeId: 'n3' });
    const layout = layoutTree(tree);
    expect(layout.nodes.map((n) => n.state)).toEqual(['expanded', 'open', 'terminal-solved', 'pruned']);
    expect(drawn(layout, 'n1')).toMatchObject({ visits: 2, q: 0.5, value: 0.75 });
    expect(drawn(layout, 'n2')).toMatchObject({ visits: 0, q: undefined, value: undefined });
    expect(drawn(layout, 'n3').status).toBe('failed');
  });

  it('caps a 2,000-node tree at the node budget, folding the least-visited subtrees first', () => {
    const tree = bigTree(2000);
    const total = Object.keys(tree.nodes).length;
    expect(total).toBeGreaterThanOrEqual(2000);
    const deepest = Object.values(tree.nodes).reduce((a, b) => (b.depth > a.depth ? b : a));
    const keep = pathTo(tree, deepest.id);

    const started = performance.now();
    const layout = layoutTree(tree, { collapsed: new Set(), keepVisible: keep, nodeBudget: 600 });
    const elapsed = performance.now() - started;

    expect(layout.totalNodes).toBe(total);
    expect(layout.nodes.length).toBeLessThanOrEqual(600);
    expect(layout.nodes.length).toBeGreaterThan(300);
    for (const id of keep) expect(drawn(layout, id).autoCollapsed).toBe(false);
    // Every tree node is either drawn or counted under exactly one folded ancestor.
    const hidden = layout.nodes.reduce((sum, n) => sum + n.hiddenDescendants, 0);
    expect(layout.nodes.length + hidden).toBe(total);
    // The root's best-visited child keeps its children drawn.
    const best = getNode(tree, 'n0')
      .childIds.map((id) => getNode(tree, id))
      .sort((a, b) => b.visits - a.visits)[0];
    expect(best && drawn(layout, best.id).autoCollapsed).toBe(false);
    expect(elapsed).toBeLessThan(250);
  });

  it('leaves a tree under the budget alone', () => {
    const layout = layoutTree(bigTree(300), { nodeBudget: 600 });
    expect(layout.nodes.length).toBe(layout.totalNodes);
    expect(layout.nodes.some((n) => n.autoCollapsed)).toBe(false);
  });

  it('keeps a manual collapse even on the kept path', () => {
    const layout = layoutTree(smallTree(), { collapsed: new Set(['n1']), keepVisible: ['n0', 'n1', 'n4'] });
    expect(layout.byId.has('n4')).toBe(false);
  });

  it('lays a tree out left to right when asked: depth across, siblings down', () => {
    const layout = layoutTree(smallTree(), { orientation: 'left-right' });
    expect(layout.orientation).toBe('left-right');
    for (const node of layout.nodes) {
      if (node.parentId !== null) expect(drawn(layout, node.parentId).x).toBeLessThan(node.x);
    }
    const siblings = ['n1', 'n2', 'n3'].map((id) => drawn(layout, id).y);
    expect([...siblings].sort((a, b) => a - b)).toEqual(siblings);
    expect(drawn(layout, 'n2').y - drawn(layout, 'n1').y).toBeGreaterThan(0);
  });

  it('chooses left to right for a wide, shallow tree on a landscape canvas, top-down for a chain', () => {
    const view = { width: 1000, height: 600, labelPx: 13 };
    const wide = createTree();
    expand(wide, 'n0', 16);
    expect(layoutTree(wide, { view }).orientation).toBe('left-right');
    const chain = createTree();
    let id = 'n0';
    for (let i = 0; i < 4; i++) id = expand(chain, id, 1)[0] ?? id;
    expect(layoutTree(chain, { view }).orientation).toBe('top-down');
    expect(layoutTree(wide, { view, orientation: 'top-down' }).orientation).toBe('top-down');
  });

  it('spaces the levels so that the tree takes the canvas proportions (within limits)', () => {
    const tree = smallTree();
    const tall = layoutTree(tree, {
      orientation: 'top-down',
      view: { width: 400, height: 1000, labelPx: 13 },
    });
    const flat = layoutTree(tree, {
      orientation: 'top-down',
      view: { width: 1600, height: 500, labelPx: 13 },
    });
    expect(tall.bounds.maxY).toBeGreaterThan(flat.bounds.maxY);
    expect(flat.bounds.maxY).toBe(3 * LEVEL_SPACING_Y);
  });

  it('folds a subtree whose every leaf failed into one mark, and leaves the rest', () => {
    const tree = createTree();
    applyEvent(tree, { type: 'expand', parentId: 'n0', children: [child('a'), child('b')] });
    applyEvent(tree, {
      type: 'expand',
      parentId: 'n1',
      children: [child('a1', 'failed'), child('a2', 'failed')],
    });
    applyEvent(tree, { type: 'expand', parentId: 'n2', children: [child('b1', 'failed'), child('b2')] });
    const layout = layoutTree(tree, { foldFailed: true });
    expect(drawn(layout, 'n1')).toMatchObject({ failedFold: true, hiddenDescendants: 2, collapsed: false });
    expect(layout.byId.has('n3')).toBe(false);
    expect(drawn(layout, 'n2').failedFold).toBe(false);
    expect(layout.byId.has('n5')).toBe(true);
    // Not folded without the option, nor where the selection must stay visible.
    expect(layoutTree(tree).byId.has('n3')).toBe(true);
    expect(layoutTree(tree, { foldFailed: true, keepVisible: ['n3'] }).byId.has('n3')).toBe(true);
  });
});
