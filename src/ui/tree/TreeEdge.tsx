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
  /** Refine: from a step to its rewrite, a sibling; drawn as an arc bowing away from their parent. */
  readonly refine: boolean;
  /** Left-to-right layout: the curve leaves the parent sideways. */
  readonly horizontal: boolean;
}

/** Siblings sit side by side: the arc between them bows away from the parent, clear of the glyphs. */
function refineArc({ x1, y1, x2, y2, horizontal }: TreeEdgeProps): string {
  const bow = 14 + Math.min(40, 0.35 * Math.hypot(x2 - x1, y2 - y1));
  const cx = (x1 + x2) / 2 + (horizontal ? bow : 0);
  const cy = (y1 + y2) / 2 + (horizontal ? 0 : bow);
  return `M${x1},${y1}Q${cx},${cy} ${x2},${y2}`;
}

function TreeEdgeImpl(props: TreeEdgeProps) {
  const { sourceId, targetId, x1, y1, x2, y2, visits, highlighted, pruned } = props;
  const midX = (x1 + x2) / 2;
  const midY = (y1 + y2) / 2;
  const d = props.refine
    ? refineArc(props)
    : props.horizontal
      ? `M${x1},${y1}C${midX},${y1} ${midX},${y2} ${x2},${y2}`
      : `M${x1},${y1}C${x1},${midY} ${x2},${midY} ${x2},${y2}`;
  const width = props.refine ? 2 : edgeWidth(visits) + (highlighted ? 1.5 : 0);
  let className = 'tree-edge';
  if (highlighted) className += ' tree-edge--highlight';
  if (pruned) className += ' tree-edge--pruned';
  if (props.transposition) className += ' tree-edge--transposition';
  if (props.refine) className += ' tree-edge--refine';
  return (
    <path
      data-testid="tree-edge"
      data-source-id={sourceId}
      data-target-id={targetId}
      data-transposition={props.transposition || undefined}
      data-refine={props.refine || undefined}
      className={className}
      d={d}
      strokeWidth={width}
    />
  );
}

export const TreeEdge = memo(TreeEdgeImpl);
