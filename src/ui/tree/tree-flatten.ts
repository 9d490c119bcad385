import type { NodeId, ReasoningTree, TreeNode } from '../../core/tree';

/**
 * The tree as the layout reads it (flattened in pre-order) and the rules that fold parts of it
 * away before it is laid out: the node budget, and failed subtrees. Pure, tested through layoutTree.
 */

/** The tree flattened in pre-order, with what the collapsing rules need per node. */
export interface Flat {
  readonly nodes: TreeNode[];
  readonly parent: number[];
  readonly children: number[][];
  readonly inPruned: boolean[];
  readonly descendants: number[];
}

/**
 * The children drawn under `node`, in childIds order except that a rewrite (TreeNode.refines) sits
 * right after the step it refines, so that the refine edge between them stays short. A
 * transposition is drawn as an edge to the node holding its state (layoutTree), not as a node.
 */
function drawnChildren(tree: ReasoningTree, node: TreeNode): TreeNode[] {
  const kids = node.childIds.flatMap((id) => {
    const child = tree.nodes[id];
    return child && child.transpositionOf === undefined ? [child] : [];
  });
  if (!kids.some((k) => k.refines !== undefined)) return kids;
  const rewrites = new Map<NodeId, TreeNode[]>();
  for (const k of kids)
    if (k.refines !== undefined) rewrites.set(k.refines, [...(rewrites.get(k.refines) ?? []), k]);
  const out: TreeNode[] = [];
  const place = (k: TreeNode): void => {
    out.push(k);
    for (const r of rewrites.get(k.id) ?? []) place(r);
  };
  for (const k of kids) if (k.refines === undefined || !kids.some((o) => o.id === k.refines)) place(k);
  return out;
}

export function flatten(tree: ReasoningTree): Flat {
  const root = tree.nodes[tree.rootId];
  const flat: Flat = { nodes: [], parent: [], children: [], inPruned: [], descendants: [] };
  if (!root) return flat;
  const stack: [TreeNode, number][] = [[root, -1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, parent] = item;
    const index = flat.nodes.length;
    flat.nodes.push(node);
    flat.parent.push(parent);
    flat.children.push([]);
    flat.inPruned.push(node.pruned || (parent >= 0 && (flat.inPruned[parent] ?? false)));
    flat.descendants.push(0);
    if (parent >= 0) flat.children[parent]?.push(index);
    // Reversed onto the stack so that pre-order follows the drawn order.
    const kids = drawnChildren(tree, node);
    for (let c = kids.length - 1; c >= 0; c--) stack.push([kids[c] as TreeNode, index]);
  }
  for (let i = flat.nodes.length - 1; i > 0; i--) {
    const p = flat.parent[i] ?? 0;
    flat.descendants[p] = (flat.descendants[p] ?? 0) + 1 + (flat.descendants[i] ?? 0);
  }
  return flat;
}

/**
 * Picks the nodes to fold so that at most `budget` stay drawn: the subtrees with the fewest visits
 * go first (pruned ones before all), never a node in `protect`. Greedy, but deterministic: ties go to
 * the shallower node, then to pre-order.
 */
export function autoCollapse(
  flat: Flat,
  manual: readonly boolean[],
  protect: readonly boolean[],
  budget: number,
): boolean[] {
  const n = flat.nodes.length;
  const auto: boolean[] = new Array<boolean>(n).fill(false);
  // Drawn descendants of each node under the manual collapses, assuming the node itself is drawn.
  const drawnBelow: number[] = new Array<number>(n).fill(0);
  for (let i = n - 1; i > 0; i--) {
    const p = flat.parent[i] ?? 0;
    if (!manual[p]) drawnBelow[p] = (drawnBelow[p] ?? 0) + 1 + (drawnBelow[i] ?? 0);
  }
  let drawn = n > 0 ? 1 + (drawnBelow[0] ?? 0) : 0;
  if (drawn <= budget) return auto;

  const hiddenByManual: boolean[] = new Array<boolean>(n).fill(false);
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = flat.parent[i] ?? -1;
    hiddenByManual[i] = p >= 0 && ((hiddenByManual[p] ?? false) || (manual[p] ?? false));
    if (!hiddenByManual[i] && !manual[i] && !protect[i] && (drawnBelow[i] ?? 0) > 0) candidates.push(i);
  }
  const weight = (i: number): number => (flat.inPruned[i] ? -1 : (flat.nodes[i]?.visits ?? 0));
  candidates.sort(
    (a, b) => weight(a) - weight(b) || (flat.nodes[a]?.depth ?? 0) - (flat.nodes[b]?.depth ?? 0) || a - b,
  );

  for (const i of candidates) {
    if (drawn <= budget) break;
    let hidden = false;
    for (let a = flat.parent[i] ?? -1; a >= 0 && !hidden; a = flat.parent[a] ?? -1) hidden = auto[a] ?? false;
    const removed = drawnBelow[i] ?? 0;
    if (hidden || removed === 0) continue;
    auto[i] = true;
    drawnBelow[i] = 0;
    for (let a = flat.parent[i] ?? -1; a >= 0; a = flat.parent[a] ?? -1)
      drawnBelow[a] = (drawnBelow[a] ?? 0) - removed;
    drawn -= removed;
  }
  return auto;
}

/**
 * Subtrees to fold because every leaf in them failed: the topmost node (not the root, not one in
 * `protect`) whose subtree has leaves and all of them failed. A failed line of reasoning then shows as
 * one mark instead of a fan of red crosses; an open leaf (not yet tried) keeps its subtree drawn.
 */
export function failedFolds(flat: Flat, protect: readonly boolean[]): boolean[] {
  const n = flat.nodes.length;
  // allFailed[i]: every leaf at or below i failed (a leaf is a node with no children).
  const allFailed: boolean[] = new Array<boolean>(n).fill(true);
  for (let i = n - 1; i >= 0; i--) {
    const kids = flat.children[i] ?? [];
    if (kids.length === 0) allFailed[i] = flat.nodes[i]?.status === 'failed';
    else allFailed[i] = kids.every((c) => allFailed[c]);
  }
  const fold: boolean[] = new Array<boolean>(n).fill(false);
  const under: boolean[] = new Array<boolean>(n).fill(false);
  for (let i = 1; i < n; i++) {
    const p = flat.parent[i] ?? 0;
    under[i] = (under[p] ?? false) || (fold[p] ?? false);
    const hasChildren = (flat.children[i]?.length ?? 0) > 0;
    if (!under[i] && hasChildren && allFailed[i] && !protect[i]) fold[i] = true;
  }
  return fold;
}

/** Ids to a flat index. */
export function indexById(flat: Flat): Map<NodeId, number> {
  const indexOf = new Map<NodeId, number>();
  flat.nodes.forEach((node: TreeNode, i) => indexOf.set(node.id, i));
  return indexOf;
}
