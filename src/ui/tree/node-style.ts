import { interpolateRdYlGn } from 'd3-scale-chromatic';
import { NODE_SPACING_X } from './tree-layout';

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

/** Readable label size on screen, in CSS pixels, and an average glyph width for truncation. */
const LABEL_PX = 11;
const CHAR_PX = 6.4;
/** Labels appear once this many characters fit between two adjacent siblings. */
const MIN_LABEL_CHARS = 6;

export interface LabelFit {
  /** The zoom scale, quantized; 0 when labels would not fit and are not drawn. */
  readonly scale: number;
  /** Font size in layout units, so that labels keep LABEL_PX on screen. */
  readonly fontSize: number;
}

/** Characters of a label that fit in `room` layout units at zoom `scale`. */
export function labelChars(room: number, scale: number): number {
  return Math.max(0, Math.min(64, Math.floor(((room - 6) * scale) / CHAR_PX)));
}

/**
 * Label sizing at zoom scale `k`, quantized to quarter octaves so that zooming re-renders the
 * labels only a few times rather than on every wheel tick.
 */
export function labelFit(k: number): LabelFit {
  const scale = 2 ** (Math.round(Math.log2(Math.max(k, 1e-3)) * 4) / 4);
  const fits = labelChars(NODE_SPACING_X, scale) >= MIN_LABEL_CHARS;
  return { scale: fits ? scale : 0, fontSize: LABEL_PX / scale };
}

export function truncate(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

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
