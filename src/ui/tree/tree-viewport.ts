import { select } from 'd3-selection';
import {
  zoom,
  zoomIdentity,
  zoomTransform,
  type D3ZoomEvent,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3-zoom';
import type { LayoutBounds } from './tree-layout';
import { MAX_FIT_SCALE, NODE_MARGIN, type LabelPads } from './tree-orientation';

/**
 * Pan and zoom of the tree's <svg>, framework-free: d3-zoom owns the transform, and the view only
 * mirrors what `onTransform` reports onto its <g>, so the two never write the same attribute. The
 * store reaches `fit` through the action registry, so fitting is a call, not a prop to compare.
 */

export interface ViewSize {
  readonly width: number;
  readonly height: number;
}

export interface TreeViewportOptions {
  readonly onTransform: (transform: ZoomTransform) => void;
  readonly onSize: (size: ViewSize) => void;
}

/** What a fit frames: the nodes' bounds and the labels' room around them. */
export interface ViewContent {
  readonly bounds: LayoutBounds;
  /** Screen pixels kept around the node centres for labels (labels keep their size at any zoom). */
  readonly pads: LabelPads;
}

export interface TreeViewport {
  /** The tree now drawn: fitted when a fit waits for it, else auto-fitted. */
  setContent(content: ViewContent): void;
  /** Fits the tree into the view and hands automatic fitting back to the view; the next tree drawn is fitted too. */
  fit(): void;
  /** Fits only when the user has not zoomed or panned by hand and the tree overflows the view. */
  autoFit(): void;
  /** Centres the view on a layout point; counts as the user's own navigation. */
  panTo(x: number, y: number): void;
  destroy(): void;
}

const SCALE_EXTENT: [number, number] = [0.01, 6];
const PAD_PX = 8;

type SvgZoom = ZoomBehavior<SVGSVGElement, unknown>;

/** The share of the view the label pads may take on each axis; the nodes keep the rest. */
const MAX_PAD_SHARE = 0.6;

/** Both pads of one axis, shrunk in proportion when together they would take more than their share. */
function capPads(before: number, after: number, length: number): [number, number] {
  const most = MAX_PAD_SHARE * length;
  const total = before + after;
  return total <= most || total <= 0 ? [before, after] : [(before * most) / total, (after * most) / total];
}

/**
 * The drawing's extent in layout units (the node centres and their radii) and in pixels around it.
 * Long labels (a math step is a paragraph) on a narrow view would leave the nodes no room and a fit
 * would shrink them to a point: the pads are capped, and the outermost labels run off the edge.
 */
function frame(content: ViewContent, size: ViewSize) {
  const { bounds, pads } = content;
  const [left, right] = capPads(pads.left + PAD_PX, pads.right + PAD_PX, size.width);
  const [top, bottom] = capPads(pads.top + PAD_PX, pads.bottom + PAD_PX, size.height);
  return {
    minX: bounds.minX - NODE_MARGIN,
    minY: bounds.minY - NODE_MARGIN,
    width: bounds.maxX - bounds.minX + 2 * NODE_MARGIN,
    height: bounds.maxY - bounds.minY + 2 * NODE_MARGIN,
    left,
    right,
    top,
    bottom,
  };
}

/**
 * The largest scale (up to MAX_FIT_SCALE) at which the tree and its labels fit the view, centred
 * both ways in the room the labels leave, so that no part of the canvas is left over on one side.
 */
export function fitTransform(content: ViewContent, size: ViewSize): ZoomTransform {
  const f = frame(content, size);
  const roomW = Math.max(1, size.width - f.left - f.right);
  const roomH = Math.max(1, size.height - f.top - f.bottom);
  const k = Math.max(SCALE_EXTENT[0], Math.min(MAX_FIT_SCALE, roomW / f.width, roomH / f.height));
  const tx = f.left + roomW / 2 - k * (f.minX + f.width / 2);
  const ty = f.top + roomH / 2 - k * (f.minY + f.height / 2);
  return zoomIdentity.translate(tx, ty).scale(k);
}

export function overflows(content: ViewContent, t: ZoomTransform, size: ViewSize): boolean {
  const f = frame(content, size);
  const left = t.applyX(f.minX) - f.left + PAD_PX;
  const right = t.applyX(f.minX + f.width) + f.right - PAD_PX;
  const top = t.applyY(f.minY) - f.top + PAD_PX;
  const bottom = t.applyY(f.minY + f.height) + f.bottom - PAD_PX;
  return left < 0 || top < 0 || right > size.width || bottom > size.height;
}

/** Lets a click on a node select it instead of starting a drag; the wheel zooms everywhere. */
function zoomFilter(event: Event): boolean {
  if (event.type === 'wheel') return true;
  if (event.target instanceof Element && event.target.closest('[data-testid="tree-node"]')) return false;
  return !(event instanceof MouseEvent && (event.button !== 0 || event.ctrlKey));
}

export function createTreeViewport(svg: SVGSVGElement, options: TreeViewportOptions): TreeViewport {
  let size: ViewSize = { width: 0, height: 0 };
  let content: ViewContent | null = null;
  /** The user zoomed or panned by hand: automatic fitting leaves the view alone. */
  let manual = false;
  /** A fit was asked for: the next content is fitted whole, even when it would not overflow. */
  let fitPending = false;

  const behavior: SvgZoom = zoom<SVGSVGElement, unknown>()
    .scaleExtent(SCALE_EXTENT)
    // The size the ResizeObserver saw: d3-zoom's default extent reads the SVG's size on every
    // transform, which forces a synchronous layout (measured at tens of ms per fit mid-search).
    .extent(() => [
      [0, 0],
      [size.width, size.height],
    ])
    .filter(zoomFilter)
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      // Only gestures carry a source event; programmatic fits do not.
      if (event.sourceEvent) manual = true;
      options.onTransform(event.transform);
    });
  const selection = select(svg);
  // Double-click belongs to the nodes (fold / unfold), not to zooming in.
  selection.call(behavior).on('dblclick.zoom', null);

  const apply = (c: ViewContent) => selection.call(behavior.transform, fitTransform(c, size));

  const viewport: TreeViewport = {
    setContent: (next) => {
      content = next;
      if (fitPending) viewport.fit();
      else viewport.autoFit();
    },
    fit: () => {
      manual = false;
      fitPending = true;
      if (!content || size.width === 0) return;
      fitPending = false;
      apply(content);
    },
    autoFit: () => {
      if (!content || manual || size.width === 0) return;
      if (overflows(content, zoomTransform(svg), size)) apply(content);
    },
    panTo: (x, y) => {
      manual = true;
      selection.call(behavior.translateTo, x, y);
    },
    destroy: () => {
      observer.disconnect();
      selection.on('.zoom', null);
    },
  };

  const observer = new ResizeObserver((entries) => {
    const rect = entries[0]?.contentRect;
    if (!rect) return;
    size = { width: rect.width, height: rect.height };
    options.onSize(size);
    if (fitPending) viewport.fit();
    else viewport.autoFit();
  });
  observer.observe(svg);
  return viewport;
}
