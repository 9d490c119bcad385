import { memo } from 'react';
import type { NodeId } from '../../core/tree';
import { edgeWidth } from './node-style';

/**
 * One parent-child link, memoized on primitives like the glyphs. The select-phase animation of
 * highlighted edges is pure CSS, keyed on the view's data-phase, so a phase change re-renders no edge.
 */
export interface TreeEdgeProps {
  readonly sourceId: NodeId;
  readonly targetId: NodeId;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The child's visits. */
  readonly visits: number;
  readonly highlighted: boolean;
  readonly pruned: boolean;
  /** A transposition: a second parent of the target's state (graph mode). */
  readonly transposition: boolean;
  /** Left-to-right layout: the curve leaves the parent sideways. */
  readonly horizontal: boolean;
}

function TreeEdgeImpl(props: TreeEdgeProps) {
  const { sourceId, targetId, x1, y1, x2, y2, visits, highlighted, pruned } = props;
  const midX = (x1 + x2) / 2;
  const midY = (y1 + y2) / 2;
  const d = props.horizontal
    ? `M${x1},${y1}C${midX},${y1} ${midX},${y2} ${x2},${y2}`
    : `M${x1},${y1}C${x1},${midY} ${x2},${midY} ${x2},${y2}`;
  const width = edgeWidth(visits) + (highlighted ? 1.5 : 0);
  let className = 'tree-edge';
  if (highlighted) className += ' tree-edge--highlight';
  if (pruned) className += ' tree-edge--pruned';
  if (props.transposition) className += ' tree-edge--transposition';
  return (
    <path
      data-testid="tree-edge"
      data-source-id={sourceId}
      data-target-id={targetId}
      data-transposition={props.transposition || undefined}
      className={className}
      d={d}
      strokeWidth={width}
    />
  );
}

export const TreeEdge = memo(TreeEdgeImpl);
