import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
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
 * d3-zoom owns pan and zoom of the tree's <svg>; React only mirrors the resulting transform into
 * state and renders it onto the <g>, so the two never write the same attribute.
 */

export interface ViewSize {
  readonly width: number;
  readonly height: number;
}

export interface TreeZoom {
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly transform: ZoomTransform;
  readonly size: ViewSize;
  /** Fits `bounds` into the view and hands automatic fitting back to the view. */
  readonly fit: (bounds: LayoutBounds) => void;
  /** Fits only when the user has not zoomed or panned by hand and `bounds` overflow the view. */
  readonly autoFit: (bounds: LayoutBounds) => void;
  /** Centres the view on a layout point; counts as the user's own navigation. */
  readonly panTo: (x: number, y: number) => void;
}

const SCALE_EXTENT: [number, number] = [0.01, 6];
/** A small tree is not blown up past this scale when fitted. */
const MAX_FIT_SCALE = 1.5;
/** Room around the node centres for radii, badges and labels, in layout units. */
const MARGIN = { x: 36, top: 28, bottom: 44 };
const PAD_PX = 12;

type SvgZoom = ZoomBehavior<SVGSVGElement, unknown>;

function fitTransform(bounds: LayoutBounds, size: ViewSize): ZoomTransform {
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

function overflows(bounds: LayoutBounds, t: ZoomTransform, size: ViewSize): boolean {
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

export function useTreeZoom(): TreeZoom {
  const svgRef = useRef<SVGSVGElement | null>(null);
  const behaviorRef = useRef<SvgZoom | null>(null);
  const manualRef = useRef(false);
  const sizeRef = useRef<ViewSize>({ width: 0, height: 0 });
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [size, setSize] = useState<ViewSize>({ width: 0, height: 0 });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const behavior: SvgZoom = zoom<SVGSVGElement, unknown>()
      .scaleExtent(SCALE_EXTENT)
      // The size the ResizeObserver saw: d3-zoom's default extent reads the SVG's size on every
      // transform, which forces a synchronous layout (measured at tens of ms per fit mid-search).
      .extent(() => [
        [0, 0],
        [sizeRef.current.width, sizeRef.current.height],
      ])
      .filter(zoomFilter)
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        // Only gestures carry a source event; programmatic fits do not.
        if (event.sourceEvent) manualRef.current = true;
        setTransform(event.transform);
      });
    const selection = select(svg);
    // Double-click belongs to the nodes (fold / unfold), not to zooming in.
    selection.call(behavior).on('dblclick.zoom', null);
    behaviorRef.current = behavior;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect) return;
      sizeRef.current = { width: rect.width, height: rect.height };
      setSize(sizeRef.current);
    });
    observer.observe(svg);
    return () => {
      observer.disconnect();
      selection.on('.zoom', null);
      behaviorRef.current = null;
    };
  }, []);

  const fit = useCallback((bounds: LayoutBounds) => {
    const svg = svgRef.current;
    const behavior = behaviorRef.current;
    if (!svg || !behavior || sizeRef.current.width === 0) return;
    manualRef.current = false;
    select(svg).call(behavior.transform, fitTransform(bounds, sizeRef.current));
  }, []);

  const autoFit = useCallback(
    (bounds: LayoutBounds) => {
      const svg = svgRef.current;
      if (!svg || manualRef.current || sizeRef.current.width === 0) return;
      if (overflows(bounds, zoomTransform(svg), sizeRef.current)) fit(bounds);
    },
    [fit],
  );

  const panTo = useCallback((x: number, y: number) => {
    const svg = svgRef.current;
    const behavior = behaviorRef.current;
    if (!svg || !behavior) return;
    manualRef.current = true;
    select(svg).call(behavior.translateTo, x, y);
  }, []);

  return { svgRef, transform, size, fit, autoFit, panTo };
}
