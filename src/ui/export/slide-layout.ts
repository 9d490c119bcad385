import type { NodeId, ReasoningTree } from '../../core/tree';
import { nodeRadius } from '../tree/node-style';
import { layoutTree, NODE_SPACING_X, type GlyphState, type LayoutNode } from '../tree/tree-layout';
import { textWidth } from './svg-text';

/**
 * Where the tree goes on a slide: the on-screen layout (layoutTree) stretched over the slide's tree
 * area, top-down or left-to-right, whichever lets more nodes keep their full label; then labels
 * placed greedily so that no two text boxes overlap each other or a node. Pure: tested in Node.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Orientation = 'top-down' | 'left-right';

export interface SlideLabel {
  /** The node's label lines (empty when only N and Q fit). */
  readonly lines: readonly string[];
  /** "N 12 · Q 0.54"; null when nothing fits. */
  readonly stats: string | null;
  /** Where the text goes; `anchor` says whether x is its left edge or its centre. */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle';
  /** The room the text was given (estimated widths): kept clear of every other label and node. */
  readonly box: Box;
}

export interface SlideNode {
  readonly id: NodeId;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly state: GlyphState;
  readonly visits: number;
  readonly q: number | undefined;
  readonly value: number | undefined;
  readonly onPath: boolean;
  /** Descendants folded into this node to keep a big tree drawable. */
  readonly hidden: number;
  /** The whole step (or problem), for the node's tooltip. */
  readonly full: string;
  readonly label: SlideLabel | null;
}

export interface SlideEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly visits: number;
  readonly pruned: boolean;
  readonly onPath: boolean;
}

export interface SlideTree {
  readonly orientation: Orientation;
  readonly nodes: readonly SlideNode[];
  readonly edges: readonly SlideEdge[];
  /** Node radii and edge widths are the tree view's, times this. */
  readonly glyphScale: number;
  /** Nodes drawn with their full label. */
  readonly labelled: number;
}

export interface NodeText {
  readonly lines: readonly string[];
  readonly full: string;
}

export interface SlideTreeInput {
  readonly tree: ReasoningTree;
  readonly area: Box;
  /** Root to the node the slide is about (the solution, else the most-visited leaf): N and Q always shown. */
  readonly path: readonly NodeId[];
  readonly labelOf: (id: NodeId, text: string) => NodeText;
  /** Nodes drawn at most; the least-visited subtrees fold beyond it. */
  readonly nodeBudget?: number;
  /** 'auto' (the default): whichever labels more nodes in full. */
  readonly orientation?: Orientation | 'auto';
}

export const LABEL_FONT = 20;
export const STATS_FONT = 16;
const LINE_GAP = 4;
const PAD = 3;
/** The glyphs grow up to this much over the screen's, and shrink no further than the last factor. */
const MAX_GLYPH_SCALE = 2;
const MIN_GLYPH_SCALE = 0.4;
/** Never spread siblings or levels further than this: a small tree stays a tree, not a scatter. */
const MAX_SIBLING_PX = 400;
const MAX_LEVEL_PX = 300;

export function statsText(visits: number, q: number | undefined): string {
  return q === undefined ? `N ${visits}` : `N ${visits} · Q ${q.toFixed(2)}`;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(a: Box, area: Box): boolean {
  return (
    a.x >= area.x &&
    a.y >= area.y &&
    a.x + a.width <= area.x + area.width &&
    a.y + a.height <= area.y + area.height
  );
}

interface Placed {
  readonly node: LayoutNode;
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** The on-screen layout's coordinates mapped onto the area: sibling axis and depth axis scaled apart. */
function position(
  nodes: readonly LayoutNode[],
  area: Box,
  orientation: Orientation,
): { placed: Placed[]; scale: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  let maxDepth = 0;
  for (const n of nodes) {
    minX = Math.min(minX, n.x);
    maxX = Math.max(maxX, n.x);
    maxDepth = Math.max(maxDepth, n.depth);
  }
  const topDown = orientation === 'top-down';
  // Room kept past the last level for its labels: below it top-down, right of it left-to-right.
  const labelRoom = topDown ? 3 * (LABEL_FONT + LINE_GAP) + 16 : 230;
  // Room at both ends of the breadth axis for half a label, centred on the outermost nodes
  // (top-down, about seven characters) or beside them (left-right, half a label's height).
  const breadthPad = topDown ? 90 : 36;
  const breadthPx = (topDown ? area.width : area.height) - 2 * breadthPad;
  const depthPx = (topDown ? area.height : area.width) - labelRoom - 24;
  const span = maxX - minX;
  const perUnit = span === 0 ? 0 : Math.min(breadthPx / span, MAX_SIBLING_PX / NODE_SPACING_X);
  const level = maxDepth === 0 ? 0 : Math.min(depthPx / maxDepth, MAX_LEVEL_PX);
  const slotPx = span === 0 ? MAX_SIBLING_PX : perUnit * NODE_SPACING_X;
  const scale = Math.max(MIN_GLYPH_SCALE, Math.min(MAX_GLYPH_SCALE, slotPx / (2.2 * nodeRadius(1000))));
  // Centred on both axes: the drawing's extent, then the area's leftover split evenly.
  const breadthStart = (topDown ? area.x : area.y) + breadthPad + (breadthPx - span * perUnit) / 2;
  const depthStart = (topDown ? area.y : area.x) + 24 + (depthPx - maxDepth * level) / 2;
  const placed = nodes.map((node) => {
    const b = breadthStart + (node.x - minX) * perUnit;
    const d = depthStart + node.depth * level;
    return { node, x: topDown ? b : d, y: topDown ? d : b, r: nodeRadius(node.visits) * scale };
  });
  return { placed, scale };
}

/** The text block of `lines` (plus a stats line when given) next to a node, and its box. */
function labelAt(
  p: Placed,
  lines: readonly string[],
  stats: string | null,
  orientation: Orientation,
  bold: boolean,
): { label: SlideLabel; box: Box } {
  // The first line of a label on the path is drawn bold, about 8% wider.
  const width = Math.max(
    0,
    ...lines.map((l, i) => textWidth(l, LABEL_FONT) * (i === 0 && bold ? 1.08 : 1)),
    stats === null ? 0 : textWidth(stats, STATS_FONT),
  );
  const height = lines.length * (LABEL_FONT + LINE_GAP) + (stats === null ? 0 : STATS_FONT + LINE_GAP);
  if (orientation === 'top-down') {
    const top = p.y + p.r + 4;
    const box = { x: p.x - width / 2 - PAD, y: top - PAD, width: width + 2 * PAD, height: height + 2 * PAD };
    return { label: { lines, stats, x: p.x, y: top, anchor: 'middle', box }, box };
  }
  const left = p.x + p.r + 6;
  const top = p.y - height / 2;
  const box = { x: left - PAD, y: top - PAD, width: width + 2 * PAD, height: height + 2 * PAD };
  return { label: { lines, stats, x: left, y: top, anchor: 'start', box }, box };
}

function orient(input: SlideTreeInput, nodes: readonly LayoutNode[], orientation: Orientation): SlideTree {
  const { placed, scale } = position(nodes, input.area, orientation);
  const onPath = new Set(input.path);
  const byId = new Map(placed.map((p) => [p.node.id, p]));
  const indexOf = new Map(placed.map((p, i) => [p, i]));
  // Nodes are obstacles for every label but their own.
  const occupied: Box[] = placed.map((p) => ({
    x: p.x - p.r,
    y: p.y - p.r,
    width: 2 * p.r,
    height: 2 * p.r,
  }));
  const order = [...placed].sort(
    (a, b) =>
      Number(onPath.has(b.node.id)) - Number(onPath.has(a.node.id)) ||
      b.node.visits - a.node.visits ||
      a.node.depth - b.node.depth ||
      a.node.id.localeCompare(b.node.id),
  );
  // Labels may run into the margins a little, never off the slide or into the title and legend.
  const bounds: Box = {
    x: input.area.x - 40,
    y: input.area.y,
    width: input.area.width + 80,
    height: input.area.height,
  };
  const labels = new Map<NodeId, SlideLabel>();
  const texts = new Map<NodeId, NodeText>();
  let labelled = 0;
  for (const p of order) {
    const text = input.labelOf(p.node.id, p.node.text);
    texts.set(p.node.id, text);
    const lines =
      p.node.hiddenDescendants > 0 ? [...text.lines, `+${p.node.hiddenDescendants} folded`] : text.lines;
    const stats = statsText(p.node.visits, p.node.q);
    const own = indexOf.get(p) ?? -1;
    const free = (box: Box) =>
      inside(box, bounds) && occupied.every((o, i) => i === own || !overlaps(box, o));
    // Where the whole label does not fit, N and Q alone may (a short line under or beside the node).
    const bold = onPath.has(p.node.id);
    const tries = [labelAt(p, lines, stats, orientation, bold), labelAt(p, [], stats, orientation, bold)];
    const fit =
      tries.find((t) => free(t.box)) ?? (onPath.has(p.node.id) ? tries[tries.length - 1] : undefined);
    if (!fit) continue;
    if (fit.label.lines.length > 0 || lines.length === 0) labelled++;
    labels.set(p.node.id, fit.label);
    occupied.push(fit.box);
  }

  const slideNodes: SlideNode[] = placed.map((p) => ({
    id: p.node.id,
    x: p.x,
    y: p.y,
    r: p.r,
    state: p.node.state,
    visits: p.node.visits,
    q: p.node.q,
    value: p.node.value,
    onPath: onPath.has(p.node.id),
    hidden: p.node.hiddenDescendants,
    full: texts.get(p.node.id)?.full ?? p.node.text,
    label: labels.get(p.node.id) ?? null,
  }));
  const edges: SlideEdge[] = [];
  for (const p of placed) {
    const parent = p.node.parentId === null ? undefined : byId.get(p.node.parentId);
    if (!parent) continue;
    // Edges leave from under the parent's label (top-down) or its end (left-right), as in an
    // organisation chart, so that a dozen edges fanning out never cross the label's text.
    const box = labels.get(parent.node.id)?.box;
    const from =
      box === undefined
        ? { x: parent.x, y: parent.y }
        : orientation === 'top-down'
          ? { x: parent.x, y: box.y + box.height }
          : { x: box.x + box.width, y: parent.y };
    edges.push({
      x1: from.x,
      y1: from.y,
      x2: p.x,
      y2: p.y,
      visits: p.node.visits,
      pruned: p.node.pruned,
      onPath: onPath.has(p.node.id) && onPath.has(parent.node.id),
    });
  }
  return { orientation, nodes: slideNodes, edges, glyphScale: scale, labelled };
}

/**
 * The slide's tree in whichever orientation labels more nodes in full (top-down on a tie: it is
 * the picture the page shows).
 */
export function slideTree(input: SlideTreeInput): SlideTree {
  // Laid out top-down: x runs across siblings and depth is the level; orient() maps both axes.
  const { nodes } = layoutTree(input.tree, {
    keepVisible: input.path,
    nodeBudget: input.nodeBudget,
    orientation: 'top-down',
  });
  const setting = input.orientation ?? 'auto';
  if (setting !== 'auto') return orient(input, nodes, setting);
  const topDown = orient(input, nodes, 'top-down');
  if (nodes.length <= 1) return topDown;
  const leftRight = orient(input, nodes, 'left-right');
  return leftRight.labelled > topDown.labelled ? leftRight : topDown;
}
