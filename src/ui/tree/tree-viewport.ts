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

export interface TreeViewport {
  /** The bounds of the tree now drawn: fitted when a fit waits for them, else auto-fitted. */
  setContent(bounds: LayoutBounds): void;
  /** Fits the tree into the view and hands automatic fitting back to the view; the next tree drawn is fitted too. */
  fit(): void;
  /** Fits only when the user has not zoomed or panned by hand and the tree overflows the view. */
  autoFit(): void;
  /** Centres the view on a layout point; counts as the user's own navigation. */
  panTo(x: number, y: number): void;
  destroy(): void;
}

const SCALE_EXTENT: [number, number] = [0.01, 6];
/** A small tree is not blown up past this scale when fitted. */
const MAX_FIT_SCALE = 1.5;
/** Room around the node centres for radii, badges and labels, in layout units. */
const MARGIN = { x: 36, top: 28, bottom: 44 };
const PAD_PX = 12;

type SvgZoom = ZoomBehavior<SVGSVGElement, unknown>;

export function fitTransform(bounds: LayoutBounds, size: ViewSize): ZoomTransform {
  const minX = bounds.minX - MARGIN.x;
  const width = bounds.maxX - bounds.minX + 2 * MARGIN.x;
  const minY = bounds.minY - MARGIN.top;
  const height = bounds.maxY - bounds.minY + MARGIN.top + MARGIN.bottom;
  const k = Math.max(
    SCALE_EXTENT[0],
    Math.min(MAX_FIT_SCALE, (size.width - 2 * PAD_PX) / width, (size.height - 2 * PAD_PX) / height),
  );
  // Centred across, top-aligned down: the root stays put while the tree grows below it.
  const tx = size.width / 2 - k * (minX + width / 2);
  const ty = PAD_PX - k * minY;
  return zoomIdentity.translate(tx, ty).scale(k);
}

export function overflows(bounds: LayoutBounds, t: ZoomTransform, size: ViewSize): boolean {
  const left = t.applyX(bounds.minX - MARGIN.x);
  const right = t.applyX(bounds.maxX + MARGIN.x);
  const top = t.applyY(bounds.minY - MARGIN.top);
  const bottom = t.applyY(bounds.maxY + MARGIN.bottom);
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
  let bounds: LayoutBounds | null = null;
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

  const apply = (b: LayoutBounds) => selection.call(behavior.transform, fitTransform(b, size));

  const viewport: TreeViewport = {
    setContent: (next) => {
      bounds = next;
      if (fitPending) viewport.fit();
      else viewport.autoFit();
    },
    fit: () => {
      manual = false;
      fitPending = true;
      if (!bounds || size.width === 0) return;
      fitPending = false;
      apply(bounds);
    },
    autoFit: () => {
      if (!bounds || manual || size.width === 0) return;
      if (overflows(bounds, zoomTransform(svg), size)) apply(bounds);
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
