/**
 * Writing text into an SVG document by hand: escaping, and a width estimate good enough to keep
 * labels apart without a DOM to measure them in (the slide is built in Node tests as in the page).
 */

/** Text content: `&` and `<` would start markup, `>` is escaped too so that `]]>` cannot appear. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The font the slide asks for; the viewer picks the first it has. Widths below are DejaVu Sans's
 * (Chromium's fallback on Linux, and wider than the faces listed before it), so a label measured
 * here does not run past the room it was given.
 */
export const SLIDE_FONT =
  "'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', 'DejaVu Sans', Arial, sans-serif";

/** Advance widths in ems by character class (DejaVu Sans). */
const NARROW = new Set([..."ijlI!|'.,:;·"]);
const SEMI = new Set([...'frt()[]{}"-/']);
const SPACE = new Set([' ']);
const WIDE = new Set([...'mwMW@%']);
const SIGN = new Set([...'+−×÷=<>→±≤≥']);

function advance(ch: string): number {
  if (SPACE.has(ch) || NARROW.has(ch)) return 0.32;
  if (SEMI.has(ch)) return 0.4;
  if (ch >= '0' && ch <= '9') return 0.64;
  if (SIGN.has(ch)) return 0.84;
  if (WIDE.has(ch)) return 0.98;
  if (ch >= 'A' && ch <= 'Z') return 0.72;
  if (ch >= 'a' && ch <= 'z') return 0.62;
  // Anything else (accents, other scripts, symbols): as wide as a capital, to be safe.
  return 0.75;
}

/** The estimated width of `text` set at `fontPx` pixels. */
export function textWidth(text: string, fontPx: number): number {
  let ems = 0;
  for (const ch of text) ems += advance(ch);
  return ems * fontPx;
}

/** Words of `text` wrapped into lines of at most `maxWidth` px; past `maxLines` the last line ends in "…". */
export function wrapText(text: string, fontPx: number, maxWidth: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, fontPx) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last.length > 1 && textWidth(`${last}…`, fontPx) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.replace(/[\s,.;:]+$/, '')}…`;
  return kept;
}

/** Every decimal in `text` (a path's data) rounded to a tenth: the slide's unit is a pixel. */
export function roundNumbers(text: string): string {
  return text.replace(/-?\d+\.\d+/g, (m) => (Math.round(Number(m) * 10) / 10).toString());
}
