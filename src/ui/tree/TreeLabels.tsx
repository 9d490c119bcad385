import { memo } from 'react';
import type { NodeId } from '../../core/tree';
import { labelChars, nodeRadius, ringWidth, truncate } from './node-style';
import type { LayoutNode } from './tree-layout';

/**
 * Step texts under the nodes, and the folded count beside a folded node, drawn only when the zoom
 * leaves room for them and only for the nodes inside the viewport: SVG text is the costly part
 * of the drawing (Blink lays it out again on every transform change), so few of them exist at once.
 */
export interface TreeLabelsProps {
  readonly nodes: readonly LayoutNode[];
  /** The viewport in layout units, already widened by a margin. */
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
  /** The quantized zoom scale; 0 draws nothing. */
  readonly scale: number;
  readonly fontSize: number;
  readonly selectedId: NodeId | null;
}

/** Clears the selection outline and the solved double ring below a node, in layout units. */
const LABEL_GAP = 5;

function TreeLabelsImpl({ nodes, minX, maxX, minY, maxY, scale, fontSize, selectedId }: TreeLabelsProps) {
  if (scale === 0) return null;
  const texts = [];
  for (const n of nodes) {
    if (n.x < minX || n.x > maxX || n.y < minY || n.y > maxY) continue;
    const r = nodeRadius(n.visits);
    if (n.text !== '') {
      texts.push(
        <text
          key={n.id}
          className={`tree-label${n.id === selectedId ? ' tree-label--selected' : ''}${n.pruned ? ' tree-label--pruned' : ''}`}
          x={n.x}
          y={n.y + r + ringWidth(n.visits) / 2 + LABEL_GAP + fontSize * 0.8}
          fontSize={fontSize}
        >
          {truncate(n.text, labelChars(n.room, scale))}
        </text>,
      );
    }
    if (n.hiddenDescendants > 0) {
      texts.push(
        <text
          key={`${n.id}+`}
          className="tree-label tree-label--folded"
          x={n.x + r + 12}
          y={n.y - r - 1}
          fontSize={fontSize * 0.85}
        >
          {`+${n.hiddenDescendants}`}
        </text>,
      );
    }
  }
  return (
    <g className="tree-labels" aria-hidden="true">
      {texts}
    </g>
  );
}

export const TreeLabels = memo(TreeLabelsImpl);
