import type { LabelPads, Orientation } from './tree-orientation';

/**
 * Where the tree's labels go, in screen pixels, so that no two overlap and none covers a node:
 * greedy, in priority order (the root, the selected node and its path, the search's highlighted
 * path, solved nodes, then by visits); a label that fits at none of its places is left out, and
 * zooming in (more pixels between nodes) brings it back. Pure, no DOM: the caller measures text.
 *
 * Coordinates are the layout's times the zoom scale k, without the pan, so that panning moves
 * the whole label layer by one transform and never places anything again.
 */
export interface LabelSource {
  readonly id: string;
  /** Layout position and glyph radius, in layout units. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly lines: readonly string[];
  /** Higher goes first. */
  readonly priority: number;
  /** The root's label goes above it (the problem, like a title). */
  readonly root: boolean;
  /** Edges leave this node for drawn children: its label keeps out of their way. */
  readonly inner: boolean;
  /** The fold button's box, in layout units from the node's centre: no label may cover it. */
  readonly badge?: Box;
}

export interface PlacementOptions {
  readonly k: number;
  readonly orientation: Orientation;
  /** Font size on screen, in CSS pixels. */
  readonly labelPx: number;
  /** Width of one line at labelPx, in CSS pixels. */
  readonly measure: (line: string) => number;
  /** How much the glyphs are drawn larger than the zoom (node-style's glyphScale); default 1. */
  readonly glyphScale?: number;
}

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface PlacedLabel {
  readonly id: string;
  readonly lines: readonly string[];
  /** The anchor of the first line's baseline; later lines go LINE_HEIGHT em lower. */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'middle' | 'start' | 'end';
  /** The space the label holds (its text plus a small margin). */
  readonly box: Box;
}

/** Line step in em; a line's box is one step tall. */
export const LINE_HEIGHT = 1.2;
/** From a line box's top to its baseline, in em (a sans-serif face's ascent and half-leading). */
const BASELINE = 0.95;
/** Pixels between a node's edge and its label. */
const GAP = 5;
/** Pixels kept clear around each label, so that halos and rounding never make two touch. */
const PAD = 2;
const CELL = 64;

type Side = 'below' | 'above' | 'right' | 'right-above' | 'left' | 'above-start' | 'below-start';

/** The node's reach on screen, from its centre: its disc, and its fold button up and to the right. */
interface Reach {
  readonly r: number;
  readonly top: number;
  readonly right: number;
}

function boxAt(side: Side, cx: number, cy: number, reach: Reach, w: number, h: number): Box {
  switch (side) {
    case 'right':
      return { x0: cx + reach.right + GAP, y0: cy - h / 2, x1: cx + reach.right + GAP + w, y1: cy + h / 2 };
    case 'left':
      return { x0: cx - reach.r - GAP - w, y0: cy - h / 2, x1: cx - reach.r - GAP, y1: cy + h / 2 };
    case 'right-above':
      // Just above the line its edges leave along, so that none strikes the text through.
      return { x0: cx + reach.right + GAP, y0: cy - GAP - h, x1: cx + reach.right + GAP + w, y1: cy - GAP };
    case 'above-start':
      return {
        x0: cx - reach.r,
        y0: cy - reach.top - GAP - h,
        x1: cx - reach.r + w,
        y1: cy - reach.top - GAP,
      };
    case 'below-start':
      return { x0: cx - reach.r, y0: cy + reach.r + GAP, x1: cx - reach.r + w, y1: cy + reach.r + GAP + h };
    case 'above':
      return { x0: cx - w / 2, y0: cy - reach.top - GAP - h, x1: cx + w / 2, y1: cy - reach.top - GAP };
    case 'below':
      return { x0: cx - w / 2, y0: cy + reach.r + GAP, x1: cx + w / 2, y1: cy + reach.r + GAP + h };
  }
}

/**
 * Where a label may go, best first: away from the edges that leave the node. Top-down they go
 * down, so an inner node's label goes beside it and a leaf's under it; left to right they go
 * right, so an inner node's label goes above it and a leaf's beside it. Where those are taken, a
 * label over its own edges (read through its halo) is better than none.
 */
function sides(source: LabelSource, orientation: Orientation): readonly Side[] {
  // The root says what the problem is: it tries every side before it gives up.
  // Left to right nothing lies before the root: its label reads there like the start of the tree.
  if (source.root)
    return orientation === 'top-down' ? ['above', 'right', 'left'] : ['left', 'above', 'below'];
  if (orientation === 'top-down')
    return source.inner ? ['right', 'left', 'below'] : ['below', 'right', 'left'];
  // Left to right, a label over or under a node starts at the node: none reaches back over the levels before.
  return source.inner
    ? ['above-start', 'right-above', 'below-start', 'right']
    : ['right', 'above-start', 'below-start'];
}

/** Sides whose text starts at the box's left edge. */
const START_SIDES: ReadonlySet<Side> = new Set<Side>(['right', 'right-above', 'above-start', 'below-start']);

/** A uniform grid of the boxes taken so far: a query looks at the few cells a box covers. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  private keys(b: Box): number[] {
    const keys: number[] = [];
    for (let gx = Math.floor(b.x0 / CELL); gx <= Math.floor(b.x1 / CELL); gx++) {
      for (let gy = Math.floor(b.y0 / CELL); gy <= Math.floor(b.y1 / CELL); gy++) {
        // Cells are keyed by one number; the offset keeps negative coordinates apart.
        keys.push((gx + 32768) * 65536 + (gy + 32768));
      }
    }
    return keys;
  }

  add(b: Box): void {
    for (const key of this.keys(b)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(b);
      else this.cells.set(key, [b]);
    }
  }

  hits(b: Box, ignore?: Box): boolean {
    for (const key of this.keys(b)) {
      for (const o of this.cells.get(key) ?? []) {
        if (o !== ignore && o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1) return true;
      }
    }
    return false;
  }
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Places the labels of `sources` (any order) and returns those drawn, highest priority first. */
export function placeLabels(sources: readonly LabelSource[], options: PlacementOptions): PlacedLabel[] {
  const { k, labelPx, measure, orientation } = options;
  // A glyph and its fold button are drawn scaled about the node's centre: kg per layout unit.
  const kg = k * (options.glyphScale ?? 1);
  const grid = new BoxGrid();
  // Every node and fold button is an obstacle: a label over another node would hide it.
  const discs = new Map<string, Box>();
  for (const s of sources) {
    const r = s.r * kg;
    const disc = { x0: s.x * k - r, y0: s.y * k - r, x1: s.x * k + r, y1: s.y * k + r };
    discs.set(s.id, disc);
    grid.add(disc);
    if (s.badge) {
      const b = s.badge;
      grid.add({
        x0: s.x * k + b.x0 * kg,
        y0: s.y * k + b.y0 * kg,
        x1: s.x * k + b.x1 * kg,
        y1: s.y * k + b.y1 * kg,
      });
    }
  }
  const ordered = sources
    .filter((s) => s.lines.length > 0)
    .sort((a, b) => b.priority - a.priority || a.y - b.y || a.x - b.x);
  const placed: PlacedLabel[] = [];
  const lineBox = LINE_HEIGHT * labelPx;
  for (const s of ordered) {
    const w = Math.max(...s.lines.map(measure)) + 2 * PAD;
    const h = s.lines.length * lineBox + 2 * PAD;
    const cx = s.x * k;
    const cy = s.y * k;
    const reach: Reach = {
      r: s.r * kg,
      top: Math.max(s.r, -(s.badge?.y0 ?? 0)) * kg,
      right: Math.max(s.r, s.badge?.x1 ?? 0) * kg,
    };
    for (const side of sides(s, orientation)) {
      const box = boxAt(side, cx, cy, reach, w, h);
      // A label may touch its own node's disc (the gap is small at low zoom), no other.
      if (grid.hits(box, discs.get(s.id))) continue;
      grid.add(box);
      const anchor = START_SIDES.has(side) ? 'start' : side === 'left' ? 'end' : 'middle';
      placed.push({
        id: s.id,
        lines: s.lines,
        x: anchor === 'start' ? box.x0 + PAD : anchor === 'end' ? box.x1 - PAD : cx,
        y: box.y0 + PAD + BASELINE * labelPx,
        anchor,
        box,
      });
      break;
    }
  }
  return placed;
}

/**
 * The room a fit leaves around the node centres for the outermost labels, in screen pixels: at
 * least `base`, more where the labels drawn there are longer (N/Q badges, presenter sizes), so
 * that a fitted tree's labels stay inside the canvas.
 */
export function fitPads(
  sources: readonly LabelSource[],
  options: Omit<PlacementOptions, 'k'>,
  base: LabelPads,
): LabelPads {
  const { labelPx, measure, orientation } = options;
  if (sources.length === 0) return base;
  const width = (s: LabelSource) => (s.lines.length === 0 ? 0 : Math.max(...s.lines.map(measure)) + 2 * PAD);
  const height = (s: LabelSource) => s.lines.length * LINE_HEIGHT * labelPx + 2 * PAD;
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of sources) {
    minX = Math.min(minX, s.x);
    maxX = Math.max(maxX, s.x);
    maxY = Math.max(maxY, s.y);
  }
  let { top, bottom, left, right } = base;
  for (const s of sources) {
    if (s.root && orientation === 'top-down') {
      // Centred over the root.
      top = Math.max(top, height(s) + GAP + s.r);
      left = Math.max(left, width(s) / 2);
      right = Math.max(right, width(s) / 2);
    } else if (s.root) {
      // Before the root, level with it.
      left = Math.max(left, width(s) + GAP + s.r);
      top = Math.max(top, height(s) / 2);
    }
    if (orientation === 'left-right') {
      if (s.x === maxX) right = Math.max(right, width(s) + GAP + 2 * s.r);
      // The lowest node's label may have to go under it.
      if (s.y === maxY) bottom = Math.max(bottom, height(s) + GAP + s.r);
    } else {
      if (s.y === maxY) bottom = Math.max(bottom, height(s) + GAP + 2 * s.r);
      if (s.x === minX) left = Math.max(left, width(s) / 2);
      if (s.x === maxX) right = Math.max(right, width(s) / 2);
    }
  }
  return { top, bottom, left, right };
}
