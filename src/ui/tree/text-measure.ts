/**
 * Widths of label lines on screen, measured by a 2D canvas in the labels' own font: exact, and
 * cheap enough to call per line (cached), where reading an SVG text's box would force a layout.
 */
export type Measure = (line: string) => number;

/** About what a sans-serif face takes per character, for when no canvas is available. */
const FALLBACK_EM_PER_CHAR = 0.62;

/** One function per font, so that what is memoized on it holds across renders. */
const measures = new Map<string, Measure>();
let context: CanvasRenderingContext2D | null | undefined;

/** A measure for `px`-pixel text in `family`: the same function for the same font. */
export function textMeasure(px: number, family: string): Measure {
  const font = `${px}px ${family}`;
  const known = measures.get(font);
  if (known) return known;
  const widths = new Map<string, number>();
  const measure: Measure = (line) => {
    const cached = widths.get(line);
    if (cached !== undefined) return cached;
    if (context === undefined) context = document.createElement('canvas').getContext('2d');
    let width = line.length * FALLBACK_EM_PER_CHAR * px;
    if (context) {
      context.font = font;
      width = context.measureText(line).width;
    }
    widths.set(line, width);
    return width;
  };
  measures.set(font, measure);
  return measure;
}
