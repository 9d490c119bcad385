/**
 * Widths of label lines on screen, measured by a 2D canvas in the labels' own font: exact, and
 * cheap enough to call per line (cached), where reading an SVG text's box would force a layout.
 */
export type Measure = (line: string) => number;

/** About what a sans-serif face takes per character, for when no canvas is available. */
const FALLBACK_EM_PER_CHAR = 0.62;

const caches = new Map<string, Map<string, number>>();
let context: CanvasRenderingContext2D | null | undefined;

/** A measure for `px`-pixel text in `family`, bold or not; the same function for the same font. */
export function textMeasure(px: number, family: string, bold = false): Measure {
  const font = `${bold ? '600 ' : ''}${px}px ${family}`;
  let cache = caches.get(font);
  if (!cache) {
    cache = new Map();
    caches.set(font, cache);
  }
  const widths = cache;
  return (line) => {
    const known = widths.get(line);
    if (known !== undefined) return known;
    if (context === undefined) context = document.createElement('canvas').getContext('2d');
    let width = line.length * FALLBACK_EM_PER_CHAR * px;
    if (context) {
      context.font = font;
      width = context.measureText(line).width;
    }
    widths.set(line, width);
    return width;
  };
}
