import { memo, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { NodeId } from '../../core/tree';
import {
  checkPath,
  crossPath,
  FOLD_BUTTON,
  foldButtonBox,
  nodeFill,
  nodeRadius,
  questionPath,
  ringWidth,
} from './node-style';
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
  /** Folded because every leaf below failed. */
  readonly failedFold: boolean;
  readonly selected: boolean;
  readonly onPath: boolean;
  readonly onSelect: (id: NodeId) => void;
  readonly onToggleCollapse: (id: NodeId) => void;
  /** The pointer or the keyboard focus came to this node (id) or left it (null): the view shows its card. */
  readonly onHover: (id: NodeId | null) => void;
}

const fixed = (n: number | undefined): string => (n === undefined ? '–' : n.toFixed(3));

function tooltip(p: GlyphBodyProps): string {
  const lines = [
    p.text === '' ? '(root)' : p.text,
    `N ${p.visits}   Q ${fixed(p.q)}   value ${fixed(p.value)}   prior ${p.prior.toFixed(3)}`,
    p.state,
  ];
  if (p.reason !== undefined) lines.push(p.reason);
  if (p.hiddenDescendants > 0) lines.push(`${p.hiddenDescendants} nodes folded (double-click to open)`);
  return lines.join('\n');
}

/**
 * The solved check (with a double ring), the failed cross, or for an answer nobody can check a
 * dashed cyan ring and a question mark: cyan lies outside the red-yellow-green value scale, so it
 * never reads as a value (its fill still is the value's). Nothing on other nodes.
 */
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
  if (state === 'proven-failed' || state === 'proven-solved') return provenMark(state, r);
  if (state === 'terminal-answered') {
    return (
      <>
        <circle className="tree-node__answered-ring" r={r + 3} />
        <path className="tree-node__question" d={questionPath(r)} />
      </>
    );
  }
  return null;
}

/**
 * MCTS-Solver's proof on an expanded node: a dashed ring in the verdict's colour (a cross inside
 * for failed), so the node keeps its Q colour and still reads as proven from the back of a room.
 */
export function provenMark(state: 'proven-failed' | 'proven-solved', r: number) {
  return (
    <>
      <circle className={`tree-node__proven-ring tree-node__proven-ring--${state}`} r={r + 3.5} />
      {state === 'proven-failed' && <path className="tree-node__proven-cross" d={crossPath(r)} />}
    </>
  );
}

/** A failed subtree folded into its root: a red square with a cross at the node's lower right. */
export function failedFoldMark(r: number) {
  const s = Math.max(8, r * 0.9);
  return (
    <g className="tree-node__failed-fold" transform={`translate(${r * 0.55},${r * 0.55})`}>
      <rect width={s} height={s} rx={1.5} />
      <path
        d={`M ${s * 0.28} ${s * 0.28} L ${s * 0.72} ${s * 0.72} M ${s * 0.72} ${s * 0.28} L ${s * 0.28} ${s * 0.72}`}
      />
    </g>
  );
}

const BADGE = FOLD_BUTTON;

/** The fold / unfold pill (+ or −); its own click must not also select the node. */
function collapseBadge(r: number, folded: boolean, onToggle: () => void) {
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <g
      className="tree-node__badge"
      data-testid="tree-node-toggle"
      transform={`translate(${foldButtonBox(r).x0},${foldButtonBox(r).y0})`}
      onClick={(e) => {
        e.stopPropagation();
        onToggle();
      }}
      onDoubleClick={stop}
    >
      <rect width={BADGE} height={BADGE} rx={BADGE / 2} />
      <path d={folded ? 'M3 5.5H8M5.5 3V8' : 'M3 5.5H8'} />
    </g>
  );
}

/** What the glyph's shapes show: everything but where it stands and what it answers to. */
type GlyphBodyProps = Pick<
  TreeNodeGlyphProps,
  | 'id'
  | 'text'
  | 'state'
  | 'visits'
  | 'q'
  | 'value'
  | 'prior'
  | 'reason'
  | 'childCount'
  | 'folded'
  | 'hiddenDescendants'
  | 'failedFold'
  | 'selected'
  | 'onToggleCollapse'
> & { readonly enter: CSSProperties };

/**
 * No <text> here: Blink lays SVG text out again whenever an ancestor's transform changes, which
 * made every relayout of the tree cost tens of milliseconds. Labels live in TreeLabels instead.
 */
function GlyphBodyImpl(props: GlyphBodyProps) {
  const { id, state, visits } = props;
  const r = nodeRadius(visits);
  const ring = ringWidth(visits);
  // The transparent hit area covers the whole glyph, badge included, so that a click at the
  // centre of its bounding box, as Playwright does, lands on this node.
  const half = r + BADGE;
  return (
    <>
      {/*
       * The full text stays in the drawing (for search, assistive technology and tests) in an
       * empty group: no shape the pointer can rest on has it as its own <title>, so no browser
       * tooltip doubles the node's card.
       */}
      <g className="tree-node__title">
        <title>{tooltip(props)}</title>
      </g>
      <g className="tree-node__body" style={props.enter}>
        <rect className="tree-node__hit" x={-half} y={-half} width={2 * half} height={2 * half} />
        {props.selected && <circle className="tree-node__selection" r={r + ring / 2 + 4} />}
        <circle className="tree-node__core" r={r} fill={nodeFill(props.q, props.value)} strokeWidth={ring} />
        {terminalMark(state, r)}
        {props.failedFold && failedFoldMark(r)}
        {props.childCount > 0 && collapseBadge(r, props.folded, () => props.onToggleCollapse(id))}
      </g>
    </>
  );
}

/** Memoized apart from the position: a relayout shifts most glyphs, and then only their transform changes. */
const GlyphBody = memo(GlyphBodyImpl);

function TreeNodeGlyphImpl(props: TreeNodeGlyphProps) {
  const { id, state, visits } = props;
  // Read once, at mount, when the grow-in animation starts: rewritten on later moves, these custom
  // properties (inherited by every shape) would make the browser restyle the whole glyph each time.
  const [enter] = useState(
    () => ({ '--enter-x': `${props.enterDx}px`, '--enter-y': `${props.enterDy}px` }) as CSSProperties,
  );
  const className = `tree-node${props.selected ? ' tree-node--selected' : ''}${props.onPath ? ' tree-node--on-path' : ''}`;
  const onKeyDown = (e: KeyboardEvent) => {
    // Enter selects the focused node; the app's own shortcuts (Space included) stay as they are.
    if (e.key === 'Enter') {
      e.preventDefault();
      props.onSelect(id);
    }
  };
  return (
    <g
      data-testid="tree-node"
      data-node-id={id}
      data-parent-id={props.parentId}
      data-visits={visits}
      data-value={props.value === undefined ? '' : props.value.toFixed(3)}
      data-state={state}
      data-hidden={props.hiddenDescendants > 0 ? props.hiddenDescendants : undefined}
      data-failed-fold={props.failedFold || undefined}
      data-selected={props.selected ? 'true' : undefined}
      className={className}
      transform={`translate(${props.x},${props.y})`}
      tabIndex={0}
      role="button"
      aria-label={props.text === '' ? 'root: the problem' : props.text}
      aria-pressed={props.selected}
      onClick={() => props.onSelect(id)}
      onDoubleClick={() => props.onToggleCollapse(id)}
      onKeyDown={onKeyDown}
      // The card follows a mouse or pen and keyboard focus, not a tap or a click's focus: on a
      // touch screen or after a click it would sit over the tree the user is looking at.
      onPointerEnter={(e) => e.pointerType !== 'touch' && props.onHover(id)}
      onPointerLeave={() => props.onHover(null)}
      onFocus={(e) => e.currentTarget.matches(':focus-visible') && props.onHover(id)}
      onBlur={() => props.onHover(null)}
    >
      <GlyphBody
        id={id}
        text={props.text}
        state={state}
        visits={visits}
        q={props.q}
        value={props.value}
        prior={props.prior}
        reason={props.reason}
        childCount={props.childCount}
        folded={props.folded}
        hiddenDescendants={props.hiddenDescendants}
        failedFold={props.failedFold}
        selected={props.selected}
        enter={enter}
        onToggleCollapse={props.onToggleCollapse}
      />
    </g>
  );
}

export const TreeNodeGlyph = memo(TreeNodeGlyphImpl);
