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
 * The font the slide asks for; the viewer picks the first it has. The width estimate below is
 * taken from the widest of them (DejaVu Sans, Chromium's fallback on Linux), so a label measured
 * here never runs longer in the file than the room it was given.
 */
export const SLIDE_FONT =
  "'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', 'DejaVu Sans', Arial, sans-serif";

/** Average advance of a character, in ems: DejaVu Sans digits are 0.64 em, lower case about 0.6. */
const EM_PER_CHAR = 0.62;

/** The estimated width of `text` set at `fontPx` pixels. */
export function textWidth(text: string, fontPx: number): number {
  return [...text].length * EM_PER_CHAR * fontPx;
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
