import { interpolateRdYlGn } from 'd3-scale-chromatic';

/**
 * The visual encodings shared by the glyphs, edges, minimap and legend, so that the legend
 * cannot drift from what is drawn. Sizes are in layout units.
 */

/** Values and Q live in [0, 1] (value model estimate or verifier reward): red low, green high. */
export function scoreColour(score: number): string {
  return interpolateRdYlGn(Math.min(1, Math.max(0, score)));
}

/** Fill of a node: Q once visited, else its value estimate, else neutral (a CSS variable). */
export function nodeFill(q: number | undefined, value: number | undefined): string {
  const score = q ?? value;
  return score === undefined ? 'var(--tree-node-unscored)' : scoreColour(score);
}

// Visit counts span 0 to thousands, so sizes follow log2(1 + N) and stop growing near 1,000.
const visitLog = (visits: number): number => Math.min(10, Math.log2(1 + Math.max(0, visits)));

export function nodeRadius(visits: number): number {
  return 5 + 0.8 * visitLog(visits);
}

export function ringWidth(visits: number): number {
  return 1 + 0.45 * visitLog(visits);
}

export function edgeWidth(visits: number): number {
  return 1 + 0.7 * visitLog(visits);
}

/** The labels' font size on screen, in CSS pixels (TreeView's labelPx default). */
export const LABEL_PX = 13;

/** The solved terminal's check mark inside a node of radius `r`. */
export function checkPath(r: number): string {
  const a = r * 0.5;
  return `M ${-a} 0 L ${-a * 0.25} ${a * 0.7} L ${a} ${-a * 0.6}`;
}

/** The failed terminal's cross inside a node of radius `r`. */
export function crossPath(r: number): string {
  const a = r * 0.45;
  return `M ${-a} ${-a} L ${a} ${a} M ${a} ${-a} L ${-a} ${a}`;
}

/** The question mark of an answer no verifier can check, inside a node of radius `r`. */
export function questionPath(r: number): string {
  const a = r * 0.42;
  return `M ${-a} ${-a * 0.55} A ${a} ${a} 0 1 1 ${a * 0.3} ${a * 0.35} L 0 ${a * 0.45} L 0 ${a * 0.7} M 0 ${a * 1.25} L 0 ${a * 1.3}`;
}

/** The fold / unfold button's size, in layout units. */
export const FOLD_BUTTON = 11;

/** The fold button of a node of radius `r`, from the node's centre: up and to the right of it. */
export function foldButtonBox(r: number): { x0: number; y0: number; x1: number; y1: number } {
  const x0 = r - 1;
  const y0 = -r - FOLD_BUTTON + 2;
  return { x0, y0, x1: x0 + FOLD_BUTTON, y1: y0 + FOLD_BUTTON };
}

/** The smallest glyph's radius on screen, as a share of the label size: a dot that size is seen from the back of a room. */
const MIN_GLYPH_SHARE = 0.4;
/** Past this the smallest glyphs would crowd their siblings (SIBLING_SPACING apart at any zoom). */
const MAX_GLYPH_SCALE = 2.2;

/**
 * How much the glyphs grow beyond the zoom so that the smallest stays visible when a big tree is
 * fitted: 1 when zoomed in, up to MAX_GLYPH_SCALE when zoomed out; quantized to quarter octaves, as
 * the labels are, so that zooming restyles the glyphs only now and then.
 */
export function glyphScale(k: number, labelPx: number): number {
  const wanted = (MIN_GLYPH_SHARE * labelPx) / (nodeRadius(0) * Math.max(k, 1e-3));
  const quantized = 2 ** (Math.round(Math.log2(Math.max(1, wanted)) * 4) / 4);
  return Math.min(MAX_GLYPH_SCALE, quantized);
}
