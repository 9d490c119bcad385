import { memo, useMemo, type PointerEvent } from 'react';
import type { ZoomTransform } from 'd3-zoom';
import type { GlyphState, TreeLayout } from './tree-layout';
import type { ViewSize } from './tree-viewport';

/**
 * An overview of every drawn node as a dot, with the main view's viewport as a rectangle; pressing
 * or dragging on it pans the main view there. Dots are one path per state, rebuilt only when the
 * layout changes, so following the zoom costs one rectangle update.
 */
export interface MinimapProps {
  readonly layout: TreeLayout;
  readonly transform: ZoomTransform;
  readonly viewSize: ViewSize;
  readonly selectedId: string | null;
  readonly onPanTo: (x: number, y: number) => void;
}

const WIDTH = 128;
const HEIGHT = 64;
const PAD = 5;
const STATES: readonly GlyphState[] = [
  'open',
  'expanded',
  'terminal-solved',
  'terminal-failed',
  'terminal-answered',
  'pruned',
  'proven-failed',
  'proven-solved',
];

interface Projection {
  readonly scale: number;
  readonly dx: number;
  readonly dy: number;
}

function project(layout: TreeLayout): Projection {
  const { minX, maxX, minY, maxY } = layout.bounds;
  const width = Math.max(1, maxX - minX);
  const height = Math.max(1, maxY - minY);
  const scale = Math.min((WIDTH - 2 * PAD) / width, (HEIGHT - 2 * PAD) / height, 0.5);
  return {
    scale,
    dx: (WIDTH - scale * (minX + maxX)) / 2,
    dy: (HEIGHT - scale * (minY + maxY)) / 2,
  };
}

function MinimapImpl({ layout, transform, viewSize, selectedId, onPanTo }: MinimapProps) {
  const proj = useMemo(() => project(layout), [layout]);
  const dots = useMemo(() => {
    const paths = new Map<GlyphState, string[]>(STATES.map((s) => [s, []]));
    for (const n of layout.nodes) {
      paths
        .get(n.state)
        ?.push(`M${(proj.dx + proj.scale * n.x).toFixed(1)},${(proj.dy + proj.scale * n.y).toFixed(1)}h0`);
    }
    return STATES.map((s) => ({ state: s, d: paths.get(s)?.join('') ?? '' }));
  }, [layout, proj]);

  const selected = selectedId === null ? undefined : layout.byId.get(selectedId);
  const x0 = transform.invertX(0);
  const y0 = transform.invertY(0);
  const viewport = {
    x: proj.dx + proj.scale * x0,
    y: proj.dy + proj.scale * y0,
    width: (proj.scale * viewSize.width) / transform.k,
    height: (proj.scale * viewSize.height) / transform.k,
  };

  const panToPointer = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    onPanTo((e.clientX - rect.left - proj.dx) / proj.scale, (e.clientY - rect.top - proj.dy) / proj.scale);
  };

  return (
    <svg
      className="tree-minimap"
      data-testid="tree-minimap"
      width={WIDTH}
      height={HEIGHT}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        panToPointer(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons !== 0) panToPointer(e);
      }}
    >
      <title>Overview: press or drag to move the view</title>
      {dots.map(({ state, d }) => (
        <path key={state} className={`tree-minimap__dots tree-minimap__dots--${state}`} d={d} />
      ))}
      {selected && (
        <circle
          className="tree-minimap__selected"
          cx={proj.dx + proj.scale * selected.x}
          cy={proj.dy + proj.scale * selected.y}
          r={3.5}
        />
      )}
      <rect className="tree-minimap__viewport" data-testid="tree-minimap-viewport" {...viewport} />
    </svg>
  );
}

export const Minimap = memo(MinimapImpl);
