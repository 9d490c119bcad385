import type { NodeId, ReasoningTree } from '../../core/tree';
import { checkPath, crossPath, edgeWidth, nodeFill, questionPath, ringWidth } from '../tree/node-style';
import { slideLegend } from './slide-legend';
import {
  LABEL_FONT,
  type Orientation,
  slideTree,
  STATS_FONT,
  statsText,
  type NodeText,
  type SlideNode,
  type SlideTree,
} from './slide-layout';
import { SLIDE_PALETTE as C } from './slide-palette';
import { escapeAttr, escapeText, roundNumbers, SLIDE_FONT, wrapText } from './svg-text';

/**
 * A search tree as a slide: the problem as the title, a subtitle with the strategy and the outcome,
 * the tree with full labels and N and Q on its nodes, and a legend. Built as text from the tree
 * itself, not copied from the page, so that no control can end up in the picture; pure, so the
 * same function is tested in Node and runs in the page.
 */

export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
const MARGIN = 56;
/** Title sizes tried in turn, with the lines each may take: a long math question gets smaller type. */
const TITLE_STEPS: readonly (readonly [fontPx: number, maxLines: number])[] = [
  [46, 2],
  [38, 3],
  [32, 4],
];
const SUBTITLE_FONT = 26;

export interface SlideInput {
  readonly tree: ReasoningTree;
  readonly title: string;
  readonly subtitle: string;
  /** The label of a node from its id and step text (the root's is the problem). */
  readonly labelOf: (id: NodeId, text: string) => NodeText;
  /** Root to the node the slide is about; drawn as the highlighted path, its N and Q always shown. */
  readonly path: readonly NodeId[];
  /** The legend's name for that path ("solution path", "most-visited path"). */
  readonly pathLabel: string;
  readonly nodeBudget?: number;
  readonly orientation?: Orientation | 'auto';
}

const n1 = (x: number) => (Math.round(x * 10) / 10).toString();

function edgePath(e: SlideTree['edges'][number], orientation: SlideTree['orientation']): string {
  if (orientation === 'top-down') {
    const mid = n1((e.y1 + e.y2) / 2);
    return `M${n1(e.x1)},${n1(e.y1)}C${n1(e.x1)},${mid} ${n1(e.x2)},${mid} ${n1(e.x2)},${n1(e.y2)}`;
  }
  const mid = n1((e.x1 + e.x2) / 2);
  return `M${n1(e.x1)},${n1(e.y1)}C${mid},${n1(e.y1)} ${mid},${n1(e.y2)} ${n1(e.x2)},${n1(e.y2)}`;
}

function edges(tree: SlideTree): string {
  const plain = tree.edges
    .filter((e) => !e.onPath)
    .map((e) => {
      const dash = e.pruned ? ` stroke-dasharray="4 4" opacity="${C.prunedOpacity}"` : '';
      return `<path d="${edgePath(e, tree.orientation)}" stroke-width="${n1(edgeWidth(e.visits) * tree.glyphScale)}"${dash}/>`;
    });
  // The path goes over the rest, so that crossing edges never hide it.
  const path = tree.edges
    .filter((e) => e.onPath)
    .map(
      (e) =>
        `<path d="${edgePath(e, tree.orientation)}" stroke="${C.path}" stroke-width="${n1(Math.max(4, edgeWidth(e.visits) * tree.glyphScale + 2))}"/>`,
    );
  return `<g class="slide-edges" fill="none" stroke="${C.edge}" stroke-linecap="round">${plain.join('')}${path.join('')}</g>`;
}

function glyph(node: SlideNode, scale: number): string {
  const r = n1(node.r);
  const ring = n1(ringWidth(node.visits) * scale);
  const tooltip = `<title>${escapeText(`${node.full}\n${statsText(node.visits, node.q)}`)}</title>`;
  let body: string;
  switch (node.state) {
    case 'terminal-solved':
      body =
        `<circle r="${r}" fill="${C.solved}" stroke="${C.solved}" stroke-width="${ring}"/>` +
        `<circle r="${n1(node.r + 4)}" fill="none" stroke="${C.solved}" stroke-width="2"/>` +
        `<path d="${roundNumbers(checkPath(node.r))}" fill="none" stroke="${C.mark}" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`;
      break;
    case 'terminal-failed':
      body =
        `<circle r="${r}" fill="${C.failed}" stroke="${C.failed}" stroke-width="${ring}"/>` +
        `<path d="${roundNumbers(crossPath(node.r))}" fill="none" stroke="${C.mark}" stroke-width="2.5" stroke-linecap="round"/>`;
      break;
    case 'pruned':
      body = `<circle r="${r}" fill="${C.unscored}" stroke="${C.muted}" stroke-width="${ring}"/>`;
      break;
    default: {
      const fill = nodeFill(node.q, node.value).startsWith('var(')
        ? C.unscored
        : nodeFill(node.q, node.value);
      const stroke = node.onPath ? C.path : C.ring;
      body = `<circle r="${r}" fill="${fill}" stroke="${stroke}" stroke-width="${ring}"/>`;
      if (node.state === 'terminal-answered')
        body +=
          `<circle r="${n1(node.r + 4)}" fill="none" stroke="${C.answered}" stroke-width="2" stroke-dasharray="3 2"/>` +
          `<path d="${roundNumbers(questionPath(node.r))}" fill="none" stroke="${C.text}" stroke-width="1.8" stroke-linecap="round"/>`;
      if (node.state === 'proven-failed' || node.state === 'proven-solved') {
        const colour = node.state === 'proven-failed' ? C.failed : C.solved;
        body += `<circle r="${n1(node.r + 4)}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-dasharray="3 2"/>`;
        if (node.state === 'proven-failed')
          body += `<path d="${roundNumbers(crossPath(node.r))}" fill="none" stroke="${C.failed}" stroke-width="2.5" stroke-linecap="round"/>`;
      }
    }
  }
  const faded = node.state === 'pruned' ? ` opacity="${C.prunedOpacity}"` : '';
  return `<g class="slide-node" data-node-id="${escapeAttr(node.id)}" data-state="${node.state}" transform="translate(${n1(node.x)} ${n1(node.y)})"${faded}>${tooltip}${body}</g>`;
}

function label(node: SlideNode): string {
  const l = node.label;
  if (!l) return '';
  const anchor = l.anchor === 'middle' ? ' text-anchor="middle"' : '';
  const faded = node.state === 'pruned' ? ` opacity="${C.prunedOpacity}"` : '';
  const lines = l.lines.map(
    (line, i) =>
      `<text x="${n1(l.x)}" y="${n1(l.y + i * (LABEL_FONT + 4) + LABEL_FONT * 0.8)}"${i === 0 && node.onPath ? ' font-weight="600"' : ''}>${escapeText(line)}</text>`,
  );
  if (l.stats !== null) {
    const y = l.y + l.lines.length * (LABEL_FONT + 4) + STATS_FONT * 0.8;
    lines.push(
      `<text class="slide-stats" x="${n1(l.x)}" y="${n1(y)}" font-size="${STATS_FONT}" fill="${C.muted}">${escapeText(l.stats)}</text>`,
    );
  }
  return `<g class="slide-label"${anchor}${faded}>${lines.join('')}</g>`;
}

/**
 * The title's lines at the largest size that holds it whole; the smallest size cuts it (the whole
 * text stays in the document's <title>). Bold type is about 10% wider than the estimate for regular.
 */
function fitTitle(text: string, width: number): { fontPx: number; lines: string[] } {
  let fitted = { fontPx: 0, lines: [] as string[] };
  for (const [fontPx, maxLines] of TITLE_STEPS) {
    fitted = { fontPx, lines: wrapText(text, fontPx * 1.1, width, maxLines) };
    if (!fitted.lines.some((line) => line.endsWith('…'))) return fitted;
  }
  return fitted;
}

/** The slide as a standalone SVG document (1920 x 1080, 16:9). */
export function buildSlideSvg(input: SlideInput): string {
  const W = SLIDE_WIDTH;
  const H = SLIDE_HEIGHT;
  const title = fitTitle(input.title, W - 2 * MARGIN);
  const subtitleLines = wrapText(input.subtitle, SUBTITLE_FONT, W - 2 * MARGIN, 2);
  let y = MARGIN;
  const heading: string[] = [];
  for (const line of title.lines) {
    y += title.fontPx;
    heading.push(
      `<text x="${MARGIN}" y="${y}" font-size="${title.fontPx}" font-weight="700">${escapeText(line)}</text>`,
    );
    y += 8;
  }
  for (const line of subtitleLines) {
    y += SUBTITLE_FONT + 6;
    heading.push(
      `<text x="${MARGIN}" y="${y}" font-size="${SUBTITLE_FONT}" fill="${C.muted}">${escapeText(line)}</text>`,
    );
  }
  const legend = slideLegend(W, H - 20, input.pathLabel);
  const area = {
    x: MARGIN + 40,
    y: y + 28,
    width: W - 2 * MARGIN - 80,
    height: H - 20 - legend.height - 16 - (y + 28),
  };
  const tree = slideTree({
    tree: input.tree,
    area,
    path: input.path,
    labelOf: input.labelOf,
    nodeBudget: input.nodeBudget,
    orientation: input.orientation,
  });
  const labels = tree.nodes.map(label).join('');
  const font = escapeAttr(SLIDE_FONT);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" data-orientation="${tree.orientation}">`,
    `<title>${escapeText(input.title)}</title>`,
    `<desc>${escapeText(input.subtitle)}</desc>`,
    `<rect width="${W}" height="${H}" fill="${C.background}"/>`,
    `<g class="slide-heading" font-family="${font}" fill="${C.text}">${heading.join('')}</g>`,
    edges(tree),
    `<g class="slide-nodes">${tree.nodes.map((n) => glyph(n, tree.glyphScale)).join('')}</g>`,
    // Halos (a background-coloured stroke under the letters) keep labels legible over edges.
    `<g class="slide-labels" font-family="${font}" font-size="${LABEL_FONT}" fill="${C.text}" stroke="${C.background}" stroke-width="5" stroke-linejoin="round" paint-order="stroke">${labels}</g>`,
    legend.svg,
    '</svg>',
    '',
  ].join('\n');
}
