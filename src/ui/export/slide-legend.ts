import {
  checkPath,
  crossPath,
  edgeWidth,
  nodeRadius,
  questionPath,
  ringWidth,
  scoreColour,
} from '../tree/node-style';
import { SLIDE_PALETTE as C } from './slide-palette';
import { escapeAttr, escapeText, roundNumbers, SLIDE_FONT, textWidth } from './svg-text';

/**
 * The slide's legend: the tree's encodings drawn with the same functions as the tree (node-style.ts),
 * in rows across the bottom of the slide. Returns SVG markup and the height it takes.
 */

export const LEGEND_FONT = 18;
const ROW = 38;
const GAP = 36;
const SWATCH_TEXT_GAP = 10;
const GRADIENT_STOPS = [0, 0.25, 0.5, 0.75, 1];

interface Item {
  readonly swatch: string;
  readonly swatchWidth: number;
  readonly text: string;
}

const n1 = (x: number) => (Math.round(x * 10) / 10).toString();

const marker = (cx: number, body: string) => `<g transform="translate(${n1(cx)} 0)">${body}</g>`;

function terminal(state: 'solved' | 'failed' | 'answered' | 'pruned'): string {
  const r = nodeRadius(4) * 1.5;
  const stroke = (fill: string, ring: string) =>
    `<circle r="${n1(r)}" fill="${fill}" stroke="${ring}" stroke-width="${n1(ringWidth(4) * 1.5)}"/>`;
  switch (state) {
    case 'solved':
      return marker(
        r + 5,
        `${stroke(C.solved, C.solved)}<circle r="${n1(r + 4)}" fill="none" stroke="${C.solved}" stroke-width="2"/><path d="${roundNumbers(checkPath(r))}" fill="none" stroke="${C.mark}" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    case 'failed':
      return marker(
        r + 5,
        `${stroke(C.failed, C.failed)}<path d="${roundNumbers(crossPath(r))}" fill="none" stroke="${C.mark}" stroke-width="2.5" stroke-linecap="round"/>`,
      );
    case 'answered':
      return marker(
        r + 5,
        `${stroke(scoreColour(0.5), C.ring)}<circle r="${n1(r + 4)}" fill="none" stroke="${C.answered}" stroke-width="2" stroke-dasharray="3 2"/>` +
          `<path d="${roundNumbers(questionPath(r))}" fill="none" stroke="${C.text}" stroke-width="1.8" stroke-linecap="round"/>`,
      );
    case 'pruned':
      return marker(r + 5, `<g opacity="${C.prunedOpacity}">${stroke(C.unscored, C.muted)}</g>`);
  }
}

function items(pathLabel: string, gradientId: string): Item[] {
  const sizes = [1, 10, 100];
  let x = 0;
  const circles = sizes
    .map((n) => {
      const r = nodeRadius(n) * 1.5;
      x += r;
      const circle = `<circle cx="${n1(x)}" r="${n1(r)}" fill="${C.unscored}" stroke="${C.ring}" stroke-width="${n1(ringWidth(n) * 1.5)}"/>`;
      x += r + 6;
      return circle;
    })
    .join('');
  const terminalWidth = 2 * (nodeRadius(4) * 1.5 + 5);
  return [
    {
      swatch: `<rect x="0" y="-8" width="90" height="16" rx="3" fill="url(#${gradientId})"/>`,
      swatchWidth: 90,
      text: 'colour: Q (value before a visit) 0 → 1',
    },
    { swatch: circles, swatchWidth: x, text: 'size and ring: visits N' },
    {
      swatch: `<line x1="0" x2="44" y1="-6" y2="-6" stroke="${C.edge}" stroke-width="${n1(edgeWidth(1) * 1.5)}" stroke-linecap="round"/><line x1="0" x2="44" y1="7" y2="7" stroke="${C.edge}" stroke-width="${n1(edgeWidth(100) * 1.5)}" stroke-linecap="round"/>`,
      swatchWidth: 44,
      text: "edge width: the child's N",
    },
    {
      swatch: `<line x1="0" x2="44" y1="0" y2="0" stroke="${C.path}" stroke-width="6" stroke-linecap="round"/>`,
      swatchWidth: 44,
      text: pathLabel,
    },
    { swatch: terminal('solved'), swatchWidth: terminalWidth, text: 'solved (verified)' },
    { swatch: terminal('failed'), swatchWidth: terminalWidth, text: 'failed' },
    { swatch: terminal('answered'), swatchWidth: terminalWidth, text: 'answer, not checked' },
    { swatch: terminal('pruned'), swatchWidth: terminalWidth, text: 'pruned' },
    {
      swatch: `<text x="0" y="6" font-size="${LEGEND_FONT - 2}" fill="${C.muted}">N 12 · Q 0.54</text>`,
      swatchWidth: textWidth('N 12 · Q 0.54', LEGEND_FONT - 2) + 6,
      text: 'visits, mean value W / N',
    },
  ];
}

/** The legend's rows, centred in `width`, with its bottom edge at `bottom`. */
export function slideLegend(
  width: number,
  bottom: number,
  pathLabel: string,
): { svg: string; height: number } {
  const gradientId = 'slide-q-gradient';
  const all = items(pathLabel, gradientId);
  const widthOf = (item: Item) => item.swatchWidth + SWATCH_TEXT_GAP + textWidth(item.text, LEGEND_FONT);
  const rows: Item[][] = [[]];
  let used = 0;
  for (const item of all) {
    const w = widthOf(item) + GAP;
    const row = rows[rows.length - 1] as Item[];
    if (row.length > 0 && used + w - GAP > width - 80) {
      rows.push([item]);
      used = w;
    } else {
      row.push(item);
      used += w;
    }
  }
  const height = rows.length * ROW + 12;
  const top = bottom - height;
  const parts = rows.map((row, r) => {
    const rowWidth = row.reduce((s, item) => s + widthOf(item) + GAP, -GAP);
    let x = (width - rowWidth) / 2;
    const y = top + 12 + r * ROW + ROW / 2;
    return row
      .map((item) => {
        const g = `<g class="slide-legend__item" transform="translate(${x.toFixed(1)} ${y})">${item.swatch}<text x="${n1(item.swatchWidth + SWATCH_TEXT_GAP)}" y="6">${escapeText(item.text)}</text></g>`;
        x += widthOf(item) + GAP;
        return g;
      })
      .join('');
  });
  const gradient = `<linearGradient id="${gradientId}">${GRADIENT_STOPS.map((t) => `<stop offset="${t}" stop-color="${scoreColour(t)}"/>`).join('')}</linearGradient>`;
  const svg =
    `<defs>${gradient}</defs>` +
    `<g class="slide-legend" font-family="${escapeAttr(SLIDE_FONT)}" font-size="${LEGEND_FONT}" fill="${C.text}">` +
    `<line x1="48" x2="${width - 48}" y1="${top}" y2="${top}" stroke="${C.unscored}" stroke-width="1"/>${parts.join('')}</g>`;
  return { svg, height };
}
