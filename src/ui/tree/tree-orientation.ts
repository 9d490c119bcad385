/**
 * Which way the tree grows, and how far apart its levels are, so that the fitted tree fills the
 * canvas in both dimensions and leaves its labels room. Pure; the layout calls it with the canvas
 * size and the label size on screen.
 *
 * Top-down draws a label as two short lines under its node, so siblings need about six label
 * heights side by side; left-to-right draws it as one line to the right, so siblings need only one
 * line height stacked: a wide tree (a dozen children per expansion) reads far better left to right.
 */
export type Orientation = 'top-down' | 'left-right';
export type OrientationSetting = Orientation | 'auto';

export interface ViewShape {
  /** The canvas in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The labels' font size on screen, in CSS pixels. */
  readonly labelPx: number;
}

/** Screen pixels kept free around the nodes' centres for the labels, by side. */
export interface LabelPads {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Distance between sibling centres, in layout units (the breadth axis). */
export const SIBLING_SPACING = 48;
/** The levels' spacing range, in layout units, per orientation. */
const LEVEL_RANGE: Readonly<Record<Orientation, readonly [number, number]>> = {
  'top-down': [84, 300],
  'left-right': [132, 600],
};
/** The largest scale a fit gives (labels keep their size on screen, so a small tree can grow). */
export const MAX_FIT_SCALE = 3;
/** Layout units around the outermost node centres, for their radii and rings. */
export const NODE_MARGIN = 28;

/**
 * Label extent along the breadth axis, in label heights: two lines' width top-down (`left 8 10 10`
 * and a gap), one line's height left-right.
 */
const LABEL_BREADTH: Readonly<Record<Orientation, number>> = { 'top-down': 7.5, 'left-right': 1.4 };
/** Left-to-right must read this much better before it replaces the familiar top-down picture. */
const LEFT_RIGHT_PREFERENCE = 1.25;

export function labelPads(orientation: Orientation, labelPx: number): LabelPads {
  if (orientation === 'top-down') {
    // The root's label (the problem) above the root; two lines under the deepest nodes.
    return { top: 1.8 * labelPx, bottom: 2.8 * labelPx, left: 3 * labelPx, right: 3 * labelPx };
  }
  // The root's label before the root; one line to the right of the deepest nodes.
  return { top: 0.8 * labelPx, bottom: 0.8 * labelPx, left: 8 * labelPx, right: 10 * labelPx };
}

function fitScale(along: number, across: number, width: number, height: number): number {
  return Math.min(MAX_FIT_SCALE, width / Math.max(1, along), height / Math.max(1, across));
}

/** How well sibling labels fit at the scale a fit would give: 1 or more, none collide. */
function labelRoom(orientation: Orientation, breadth: number, depth: number, view: ViewShape): number {
  const pads = labelPads(orientation, view.labelPx);
  const w = view.width - pads.left - pads.right;
  const h = view.height - pads.top - pads.bottom;
  const b = breadth + 2 * NODE_MARGIN;
  const d = depth * (LEVEL_RANGE[orientation][0] as number) + 2 * NODE_MARGIN;
  const k = orientation === 'top-down' ? fitScale(b, d, w, h) : fitScale(d, b, w, h);
  return (SIBLING_SPACING * k) / (LABEL_BREADTH[orientation] * view.labelPx);
}

/**
 * Top-down unless its sibling labels would collide and left-to-right gives them clearly more
 * room. `breadth` is the extent across siblings in layout units, `depth` the deepest level drawn.
 */
export function chooseOrientation(breadth: number, depth: number, view: ViewShape): Orientation {
  // A chain (no two siblings drawn) has no labels side by side to make room for.
  if (depth === 0 || breadth < SIBLING_SPACING || view.width <= 0 || view.height <= 0) return 'top-down';
  const down = labelRoom('top-down', breadth, depth, view);
  if (down >= 1) return 'top-down';
  const right = labelRoom('left-right', breadth, depth, view);
  return right > LEFT_RIGHT_PREFERENCE * down ? 'left-right' : 'top-down';
}

/**
 * The distance between levels that gives the tree the canvas's proportions (so that Fit fills
 * both dimensions), within the orientation's range, in steps of a quarter octave: a growing tree
 * is stretched again only when its shape has changed by a fifth or so, not at every redraw
 * (a new spacing moves every glyph, which the browser must then restyle and repaint).
 */
export function levelSpacing(
  orientation: Orientation,
  breadth: number,
  depth: number,
  view: ViewShape,
): number {
  const [min, max] = LEVEL_RANGE[orientation];
  if (depth === 0 || view.width <= 0 || view.height <= 0) return min;
  const pads = labelPads(orientation, view.labelPx);
  const w = Math.max(1, view.width - pads.left - pads.right);
  const h = Math.max(1, view.height - pads.top - pads.bottom);
  const b = breadth + 2 * NODE_MARGIN;
  // Top-down: depth runs down the height; left-to-right: across the width.
  const wanted = orientation === 'top-down' ? (h / w) * b : (w / h) * b;
  const spacing = Math.max(min, (wanted - 2 * NODE_MARGIN) / depth);
  const stepped = min * 2 ** (Math.floor(Math.log2(spacing / min) * 4) / 4);
  return Math.min(max, Math.round(stepped));
}
