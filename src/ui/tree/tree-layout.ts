import { hierarchy, tree as d3Tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { NodeId, NodeStatus, ReasoningTree, TreeNode } from '../../core/tree';
import { autoCollapse, failedFolds, flatten, indexById } from './tree-flatten';
import {
  chooseOrientation,
  levelSpacing,
  SIBLING_SPACING,
  type Orientation,
  type OrientationSetting,
  type ViewShape,
} from './tree-orientation';

/**
 * The tree view's layout: which nodes are drawn (after manual and automatic collapsing) and where.
 * Pure and DOM-free, so it is tested in Node; the caller (use-live-layout.ts) decides when to
 * lay out again, as the published tree changes.
 */

/** Horizontal distance between sibling centres, in layout units (SVG user units at zoom 1). */
export const NODE_SPACING_X = SIBLING_SPACING;
/** Distance between depths when no canvas size is given (the view stretches it to fill the canvas). */
export const LEVEL_SPACING_Y = 84;
/** Beyond this many drawn nodes the least-visited subtrees fold away, so big trees stay smooth. */
export const DEFAULT_NODE_BUDGET = 600;

/** What one glyph shows; exactly one applies, and a pruned subtree wins over everything. */
export type GlyphState =
  | 'open'
  | 'expanded'
  | 'terminal-solved'
  | 'terminal-failed'
  | 'terminal-answered'
  | 'pruned'
  /** Expanded nodes MCTS-Solver proved (tree.ts, TreeNode.proven). */
  | 'proven-failed'
  | 'proven-solved';

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
  /** Folded because every leaf below it failed (the fold-failed option). */
  readonly failedFold: boolean;
  /** Tokens the policy generated for the step. */
  readonly tokens: number;
  /** A step written by hand (its label is marked ✎). */
  readonly written: boolean;
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
  /** Graph mode: a second way into the target's state (a transposition), drawn dashed. */
  readonly transposition: boolean;
  /** Refine: from a step to its rewrite (a sibling), drawn as an arc beside the tree edges. */
  readonly refine: boolean;
}

export interface LayoutBounds {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

export interface TreeLayout {
  /** Drawn nodes in pre-order (children in `childIds` order, a rewrite right after the step it refines). */
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  readonly byId: ReadonlyMap<NodeId, LayoutNode>;
  readonly bounds: LayoutBounds;
  /** Nodes reachable from the root, drawn or not. */
  readonly totalNodes: number;
  readonly orientation: Orientation;
}

export interface LayoutOptions {
  /** Nodes whose descendants are hidden (the user's choice; always honoured). */
  readonly collapsed?: ReadonlySet<NodeId>;
  /** Nodes that the node budget must leave drawn, with their ancestors (e.g. the selected path). */
  readonly keepVisible?: readonly NodeId[];
  readonly nodeBudget?: number;
  /** Fold every subtree whose leaves all failed into one mark. */
  readonly foldFailed?: boolean;
  /** Which way the tree grows; 'auto' (the default) chooses from the tree's shape and `view`. */
  readonly orientation?: OrientationSetting;
  /** The canvas and label size: the levels are spaced so that the fitted tree fills the canvas. */
  readonly view?: ViewShape;
}

function glyphState(node: TreeNode, inPruned: boolean): GlyphState {
  if (inPruned) return 'pruned';
  if (node.status === 'solved') return 'terminal-solved';
  if (node.status === 'failed') return 'terminal-failed';
  if (node.status === 'answered') return 'terminal-answered';
  if (node.proven === 'failed') return 'proven-failed';
  if (node.proven === 'solved') return 'proven-solved';
  return node.status;
}

/**
 * The edges drawn besides the tree's own: graph mode's, from each transposition's parent to the
 * node holding its state (carrying the transposition's visits), and refine's, from each refined
 * step to its rewrite. Drawn only where both ends are.
 */
function secondEdges(tree: ReasoningTree, byId: ReadonlyMap<NodeId, LayoutNode>): LayoutEdge[] {
  const out: LayoutEdge[] = [];
  for (const node of Object.values(tree.nodes)) {
    const transposition = node.transpositionOf !== undefined && node.parentId !== null;
    const ends: [NodeId | null | undefined, NodeId | undefined] = transposition
      ? [node.parentId, node.transpositionOf]
      : [node.refines, node.refines === undefined ? undefined : node.id];
    const from = ends[0] ? byId.get(ends[0]) : undefined;
    const to = ends[1] ? byId.get(ends[1]) : undefined;
    if (!from || !to) continue;
    out.push({
      sourceId: from.id,
      targetId: to.id,
      x1: from.x,
      y1: from.y,
      x2: to.x,
      y2: to.y,
      visits: transposition ? node.visits : 0,
      pruned: from.pruned || to.pruned || (transposition && node.pruned),
      transposition,
      refine: !transposition,
    });
  }
  return out;
}

export function layoutTree(tree: ReasoningTree, options: LayoutOptions = {}): TreeLayout {
  const flat = flatten(tree);
  const n = flat.nodes.length;
  const indexOf = indexById(flat);

  const manual = flat.nodes.map((node) => options.collapsed?.has(node.id) ?? false);
  const protect: boolean[] = new Array<boolean>(n).fill(false);
  for (const id of options.keepVisible ?? []) {
    for (let i = indexOf.get(id) ?? -1; i >= 0 && !protect[i]; i = flat.parent[i] ?? -1) protect[i] = true;
  }
  const failed = options.foldFailed ? failedFolds(flat, protect) : new Array<boolean>(n).fill(false);
  // A failed fold counts as the user's own for the budget: it is never unfolded to make room.
  const held = manual.map((m, i) => m || (failed[i] ?? false));
  const auto = autoCollapse(flat, held, protect, options.nodeBudget ?? DEFAULT_NODE_BUDGET);
  const folded = (i: number): boolean => (held[i] ?? false) || (auto[i] ?? false);

  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const byId = new Map<NodeId, LayoutNode>();
  if (n === 0) {
    const bounds = { minX: 0, maxX: 0, minY: 0, maxY: 0 };
    return { nodes, edges, byId, bounds, totalNodes: 0, orientation: 'top-down' };
  }

  const root = hierarchy<number>(0, (i) => (folded(i) ? null : flat.children[i]));
  // Laid out with unit level spacing: point.x runs across siblings, point.y is the depth.
  const positioned = d3Tree<number>()
    .nodeSize([NODE_SPACING_X, 1])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);

  let minB = Infinity;
  let maxB = -Infinity;
  let maxDepth = 0;
  positioned.each((point) => {
    minB = Math.min(minB, point.x);
    maxB = Math.max(maxB, point.x);
    maxDepth = Math.max(maxDepth, point.depth);
  });
  const setting = options.orientation ?? 'auto';
  const view = options.view;
  const orientation: Orientation =
    setting !== 'auto' ? setting : view ? chooseOrientation(maxB - minB, maxDepth, view) : 'top-down';
  const spacing = view ? levelSpacing(orientation, maxB - minB, maxDepth, view) : LEVEL_SPACING_Y;
  const across = orientation === 'top-down';
  const place = (point: HierarchyPointNode<number>): { x: number; y: number } =>
    across ? { x: point.x, y: point.y * spacing } : { x: point.y * spacing, y: point.x };

  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  positioned.eachBefore((point) => {
    const i = point.data;
    const node = flat.nodes[i] as TreeNode;
    const childCount = flat.children[i]?.length ?? 0;
    const isFolded = folded(i) && childCount > 0;
    const { x, y } = place(point);
    const drawn: LayoutNode = {
      id: node.id,
      parentId: node.parentId,
      x,
      y,
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
      tokens: node.tokens,
      written: node.written === true,
      childCount,
      hiddenDescendants: isFolded ? (flat.descendants[i] ?? 0) : 0,
      collapsed: isFolded && (manual[i] ?? false),
      autoCollapsed: isFolded && !(held[i] ?? false),
      failedFold: isFolded && (failed[i] ?? false) && !(manual[i] ?? false),
    };
    nodes.push(drawn);
    byId.set(drawn.id, drawn);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    if (point.parent) {
      const from = place(point.parent);
      edges.push({
        sourceId: flat.nodes[point.parent.data]?.id ?? '',
        targetId: node.id,
        x1: from.x,
        y1: from.y,
        x2: x,
        y2: y,
        visits: node.visits,
        pruned: drawn.pruned,
        transposition: false,
        refine: false,
      });
    }
  });
  edges.push(...secondEdges(tree, byId));
  return { nodes, edges, byId, bounds: { minX, maxX, minY, maxY }, totalNodes: n, orientation };
}
