import { useEffect, useRef, useState, type RefObject } from 'react';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { createTreeViewport, type TreeViewport, type ViewSize } from './tree-viewport';

export interface TreeViewportState {
  readonly svgRef: RefObject<SVGSVGElement | null>;
  /** The controller, once the <svg> is on the page. */
  readonly viewport: TreeViewport | null;
  readonly transform: ZoomTransform;
  readonly size: ViewSize;
}

/** The viewport controller of the view's <svg>, and the transform and size it reports. */
export function useTreeViewport(): TreeViewportState {
  const svgRef = useRef<SVGSVGElement | null>(null);
  const [viewport, setViewport] = useState<TreeViewport | null>(null);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [size, setSize] = useState<ViewSize>({ width: 0, height: 0 });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const created = createTreeViewport(svg, { onTransform: setTransform, onSize: setSize });
    setViewport(created);
    return () => {
      created.destroy();
      setViewport(null);
    };
  }, []);

  return { svgRef, viewport, transform, size };
}
