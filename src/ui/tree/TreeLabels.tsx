import { memo, useMemo } from 'react';
import type { NodeId } from '../../core/tree';
import { LINE_HEIGHT, type PlacedLabel } from './label-placement';

/**
 * The labels placed by placeLabels, in screen pixels: one <text> per label (a <tspan> per line) in
 * a layer that follows the pan by one transform, at the same font size whatever the zoom. Only the
 * labels near the viewport exist: SVG text is the costly part of the drawing, and the set changes
 * only when the view moves by a good part of its size.
 */
export interface TreeLabelsProps {
  readonly placed: readonly PlacedLabel[];
  /** The pan, in pixels. */
  readonly tx: number;
  readonly ty: number;
  readonly width: number;
  readonly height: number;
  readonly labelPx: number;
  readonly selectedId: NodeId | null;
  /** Nodes whose label is dimmed (pruned subtrees). */
  readonly dimmed: ReadonlySet<NodeId>;
}

/** Culling works in chunks of this many pixels, with one chunk of margin, so panning rarely re-renders. */
const CHUNK = 256;

function TreeLabelsImpl({ placed, tx, ty, width, height, labelPx, selectedId, dimmed }: TreeLabelsProps) {
  const x0 = (Math.floor(-tx / CHUNK) - 1) * CHUNK;
  const y0 = (Math.floor(-ty / CHUNK) - 1) * CHUNK;
  const x1 = (Math.ceil((width - tx) / CHUNK) + 1) * CHUNK;
  const y1 = (Math.ceil((height - ty) / CHUNK) + 1) * CHUNK;
  const texts = useMemo(
    () =>
      placed
        .filter((p) => p.box.x1 > x0 && p.box.x0 < x1 && p.box.y1 > y0 && p.box.y0 < y1)
        .map((p) => {
          let className = 'tree-label';
          if (p.id === selectedId) className += ' tree-label--selected';
          if (dimmed.has(p.id)) className += ' tree-label--pruned';
          return (
            <text
              key={p.id}
              data-testid="tree-label"
              data-node-id={p.id}
              className={className}
              x={p.x}
              y={p.y}
              textAnchor={p.anchor}
            >
              {p.lines.map((line, i) => (
                <tspan key={i} x={p.x} dy={i === 0 ? undefined : `${LINE_HEIGHT}em`}>
                  {line}
                </tspan>
              ))}
            </text>
          );
        }),
    [placed, x0, y0, x1, y1, selectedId, dimmed],
  );
  return (
    <g
      className="tree-labels"
      aria-hidden="true"
      transform={`translate(${tx},${ty})`}
      style={{ fontSize: labelPx }}
    >
      {texts}
    </g>
  );
}

export const TreeLabels = memo(TreeLabelsImpl);
