import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { NodeId } from '../../core/tree';
import { checkPath, crossPath, nodeFill, nodeRadius, ringWidth, truncate } from './node-style';
import type { GlyphState } from './tree-layout';

/**
 * One node of the tree. Every prop is a primitive (or a stable callback) so that React.memo skips
 * the glyphs that did not change when the search touches a few nodes of a 2,000-node tree.
 */
export interface TreeNodeGlyphProps {
  readonly id: NodeId;
  /** Empty on the root. */
  readonly parentId: string;
  readonly x: number;
  readonly y: number;
  /** Where the parent sits relative to this node: new nodes grow out of it. */
  readonly enterDx: number;
  readonly enterDy: number;
  readonly text: string;
  readonly state: GlyphState;
  readonly visits: number;
  readonly q: number | undefined;
  readonly value: number | undefined;
  readonly prior: number;
  readonly reason: string | undefined;
  readonly childCount: number;
  /** Folded, by the user or by the node budget. */
  readonly folded: boolean;
  readonly hiddenDescendants: number;
  readonly selected: boolean;
  readonly onPath: boolean;
  /** 0 hides the label (it would not fit at this zoom). */
  readonly labelChars: number;
  readonly labelSize: number;
  readonly onSelect: (id: NodeId) => void;
  readonly onToggleCollapse: (id: NodeId) => void;
}

const fixed = (n: number | undefined): string => (n === undefined ? '–' : n.toFixed(3));

function tooltip(p: TreeNodeGlyphProps): string {
  const lines = [
    p.text === '' ? '(root)' : p.text,
    `N ${p.visits}   Q ${fixed(p.q)}   value ${fixed(p.value)}   prior ${p.prior.toFixed(3)}`,
    p.state,
  ];
  if (p.reason !== undefined) lines.push(p.reason);
  if (p.hiddenDescendants > 0) lines.push(`${p.hiddenDescendants} nodes folded (double-click to open)`);
  return lines.join('\n');
}

/** The solved check (with a double ring) or the failed cross; nothing on other nodes. */
function terminalMark(state: GlyphState, r: number) {
  if (state === 'terminal-solved') {
    return (
      <>
        <circle className="tree-node__solved-ring" r={r + 3} />
        <path className="tree-node__mark" d={checkPath(r)} />
      </>
    );
  }
  if (state === 'terminal-failed') {
    return <path className="tree-node__mark" d={crossPath(r)} />;
  }
  return null;
}

/** The +N / − pill; its own click must not also select the node. */
function collapseBadge(props: { r: number; folded: boolean; hidden: number; onToggle: () => void }) {
  const label = props.folded ? `+${props.hidden}` : '−';
  const width = 7 + 5 * label.length;
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <g
      className="tree-node__badge"
      data-testid="tree-node-toggle"
      transform={`translate(${props.r - 1},${-props.r - 9})`}
      onClick={(e) => {
        e.stopPropagation();
        props.onToggle();
      }}
      onDoubleClick={stop}
    >
      <rect width={width} height={11} rx={5.5} />
      <text x={width / 2} y={8.2}>
        {label}
      </text>
    </g>
  );
}

function TreeNodeGlyphImpl(props: TreeNodeGlyphProps) {
  const { id, state, visits, labelChars, labelSize } = props;
  const r = nodeRadius(visits);
  const ring = ringWidth(visits);
  const showLabel = labelChars > 0 && props.text !== '';
  const labelY = r + ring / 2 + labelSize + 1;
  // The transparent hit area spans the whole glyph (badge and label included), so that a click
  // at the centre of its bounding box, as Playwright does, lands on this node.
  const halfWidth = showLabel ? 21 : r + 16;
  const top = -r - 10;
  const bottom = showLabel ? labelY + labelSize * 0.3 : r + ring + 4;
  const enter = { '--enter-x': `${props.enterDx}px`, '--enter-y': `${props.enterDy}px` } as CSSProperties;
  const className = `tree-node${props.selected ? ' tree-node--selected' : ''}${props.onPath ? ' tree-node--on-path' : ''}`;
  return (
    <g
      data-testid="tree-node"
      data-node-id={id}
      data-parent-id={props.parentId}
      data-visits={visits}
      data-value={props.value === undefined ? '' : props.value.toFixed(3)}
      data-state={state}
      data-selected={props.selected ? 'true' : undefined}
      className={className}
      transform={`translate(${props.x},${props.y})`}
      onClick={() => props.onSelect(id)}
      onDoubleClick={() => props.onToggleCollapse(id)}
    >
      <title>{tooltip(props)}</title>
      <g className="tree-node__body" style={enter}>
        <rect className="tree-node__hit" x={-halfWidth} y={top} width={2 * halfWidth} height={bottom - top} />
        {props.selected && <circle className="tree-node__selection" r={r + ring / 2 + 4} />}
        <circle
          className="tree-node__core"
          r={r}
          fill={nodeFill(props.q, props.value)}
          strokeWidth={ring}
        />
        {terminalMark(state, r)}
        {props.childCount > 0 && (
          collapseBadge({
            r,
            folded: props.folded,
            hidden: props.hiddenDescendants,
            onToggle: () => props.onToggleCollapse(id),
          })
        )}
        {showLabel && (
          <text className="tree-node__label" y={labelY} fontSize={labelSize}>
            {truncate(props.text, labelChars)}
          </text>
        )}
      </g>
    </g>
  );
}

export const TreeNodeGlyph = memo(TreeNodeGlyphImpl);
