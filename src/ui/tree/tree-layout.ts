import { hierarchy, tree as d3Tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { NodeId, NodeStatus, ReasoningTree, TreeNode } from '../../core/tree';

/**
 * The tree view's layout: which nodes are drawn (after manual and automatic collapsing) and where.
 * Pure and DOM-free, so it is tested in Node; the caller (use-live-layout.ts) decides when to
 * lay out again, as the published tree changes.
 */

/** Horizontal distance between sibling centres, in layout units (SVG user units at zoom 1). */
export const NODE_SPACING_X = 48;
/** Vertical distance between depths. */
export const LEVEL_SPACING_Y = 84;
/** Beyond this many drawn nodes the least-visited subtrees fold away, so big trees stay smooth. */
export const DEFAULT_NODE_BUDGET = 600;

/** What one glyph shows; exactly one applies, and a pruned subtree wins over everything. */
export type GlyphState =
  'open' | 'expanded' | 'terminal-solved' | 'terminal-failed' | 'terminal-answered' | 'pruned';

export interface LayoutNode {
  readonly id: NodeId;
  readonly parentId: NodeId | null;
  readonly x: number;
  readonly y: number;
  readonly depth: number;
  readonly text: string;
  readonly status: NodeStatus;
  /** True for the pruned node and everything below it. */
  readonly pruned: boolean;
  readonly state: GlyphState;
  readonly visits: number;
  /** W / N; undefined before the first visit. */
  readonly q: number | undefined;
  readonly value: number | undefined;
  readonly prior: number;
  readonly reason: string | undefined;
  /** Children in the tree, drawn or not. */
  readonly childCount: number;
  /** The node's descendants that are not drawn because it is collapsed (0 when it is not). */
  readonly hiddenDescendants: number;
  /** Collapsed by the caller's set. */
  readonly collapsed: boolean;
  /** Collapsed by the node budget rather than by the user. */
  readonly autoCollapsed: boolean;
  /** Width free for a label: the distance to the nearest drawn node on the same level (capped). */
  readonly room: number;
}

export interface LayoutEdge {
  readonly sourceId: NodeId;
  readonly targetId: NodeId;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The child's visit count. */
  readonly visits: number;
  /** The child lies in a pruned subtree. */
  readonly pruned: boolean;
}

export interface LayoutBounds {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

export interface TreeLayout {
  /** Drawn nodes in pre-order (children in `childIds` order). */
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  readonly byId: ReadonlyMap<NodeId, LayoutNode>;
  readonly bounds: LayoutBounds;
  /** Nodes reachable from the root, drawn or not. */
  readonly totalNodes: number;
}

export interface LayoutOptions {
  /** Nodes whose descendants are hidden (the user's choice; always honoured). */
  readonly collapsed?: ReadonlySet<NodeId>;
  /** Nodes that the node budget must leave drawn, with their ancestors (e.g. the selected path). */
  readonly keepVisible?: readonly NodeId[];
  readonly nodeBudget?: number;
}

/** The tree flattened in pre-order, with what the collapsing rules need per node. */
interface Flat {
  readonly nodes: TreeNode[];
  readonly parent: number[];
  readonly children: number[][];
  readonly inPruned: boolean[];
  readonly descendants: number[];
}

function flatten(tree: ReasoningTree): Flat {
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
    // Reversed onto the stack so that pre-order follows childIds.
    for (let c = node.childIds.length - 1; c >= 0; c--) {
      const child = tree.nodes[node.childIds[c] ?? ''];
      if (child) stack.push([child, index]);
    }
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
function autoCollapse(
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

const MAX_ROOM = 6 * NODE_SPACING_X;

/** Per drawn node (by flat index), the distance to its nearest neighbour on the same level. */
function freeWidth(root: HierarchyPointNode<number>): Map<number, number> {
  const room = new Map<number, number>();
  const previous = new Map<number, HierarchyPointNode<number>>();
  // A tidy tree keeps pre-order left to right within a level, so neighbours come one after another.
  root.eachBefore((point) => {
    const left = previous.get(point.depth);
    const gap = left ? Math.min(MAX_ROOM, point.x - left.x) : MAX_ROOM;
    if (left) room.set(left.data, Math.min(room.get(left.data) ?? MAX_ROOM, gap));
    room.set(point.data, gap);
    previous.set(point.depth, point);
  });
  return room;
}

function glyphState(node: TreeNode, inPruned: boolean): GlyphState {
  if (inPruned) return 'pruned';
  if (node.status === 'solved') return 'terminal-solved';
  if (node.status === 'failed') return 'terminal-failed';
  if (node.status === 'answered') return 'terminal-answered';
  return node.status;
}

export function layoutTree(tree: ReasoningTree, options: LayoutOptions = {}): TreeLayout {
  const flat = flatten(tree);
  const n = flat.nodes.length;
  const indexOf = new Map<NodeId, number>();
  flat.nodes.forEach((node, i) => indexOf.set(node.id, i));

  const manual = flat.nodes.map((node) => options.collapsed?.has(node.id) ?? false);
  const protect: boolean[] = new Array<boolean>(n).fill(false);
  for (const id of options.keepVisible ?? []) {
    for (let i = indexOf.get(id) ?? -1; i >= 0 && !protect[i]; i = flat.parent[i] ?? -1) protect[i] = true;
  }
  const auto = autoCollapse(flat, manual, protect, options.nodeBudget ?? DEFAULT_NODE_BUDGET);
  const folded = (i: number): boolean => (manual[i] ?? false) || (auto[i] ?? false);

  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const byId = new Map<NodeId, LayoutNode>();
  if (n === 0) return { nodes, edges, byId, bounds: { minX: 0, maxX: 0, minY: 0, maxY: 0 }, totalNodes: 0 };

  const root = hierarchy<number>(0, (i) => (folded(i) ? null : flat.children[i]));
  const positioned = d3Tree<number>()
    .nodeSize([NODE_SPACING_X, LEVEL_SPACING_Y])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);

  const room = freeWidth(positioned);
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  positioned.eachBefore((point) => {
    const i = point.data;
    const node = flat.nodes[i] as TreeNode;
    const childCount = flat.children[i]?.length ?? 0;
    const isFolded = folded(i) && childCount > 0;
    const drawn: LayoutNode = {
      id: node.id,
      parentId: node.parentId,
      x: point.x,
      y: point.y,
      depth: node.depth,
      text: node.text,
      status: node.status,
      pruned: flat.inPruned[i] ?? false,
      state: glyphState(node, flat.inPruned[i] ?? false),
      visits: node.visits,
      q: node.visits > 0 ? node.valueSum / node.visits : undefined,
      value: node.value,
      prior: node.prior,
      reason: node.reason,
      childCount,
      hiddenDescendants: isFolded ? (flat.descendants[i] ?? 0) : 0,
      collapsed: isFolded && (manual[i] ?? false),
      autoCollapsed: isFolded && !(manual[i] ?? false),
      room: room.get(i) ?? MAX_ROOM,
    };
    nodes.push(drawn);
    byId.set(drawn.id, drawn);
    minX = Math.min(minX, point.x);
    maxX = Math.max(maxX, point.x);
    maxY = Math.max(maxY, point.y);
    if (point.parent) {
      edges.push({
        sourceId: flat.nodes[point.parent.data]?.id ?? '',
        targetId: node.id,
        x1: point.parent.x,
        y1: point.parent.y,
        x2: point.x,
        y2: point.y,
        visits: node.visits,
        pruned: drawn.pruned,
      });
    }
  });
  return { nodes, edges, byId, bounds: { minX, maxX, minY: 0, maxY }, totalNodes: n };
}
