import { memo, useId, type ReactNode } from 'react';
import { failedFoldMark, provenMark } from './TreeNodeGlyph';
import {
  checkPath,
  crossPath,
  edgeWidth,
  nodeRadius,
  questionPath,
  ringWidth,
  scoreColour,
} from './node-style';
import './tree-legend.css';

/**
 * What every mark on the tree means, drawn with the same functions and CSS classes as the tree so
 * the two cannot disagree. Colour means value (Q) only; a node's kind is told by a mark or a
 * shape (check, cross, dashed cyan ring with "?", faded, square), never by a colour of the scale.
 * A compact panel over a corner of the canvas, shown and hidden from the footer.
 */
const STOPS = [0, 0.25, 0.5, 0.75, 1];
const SAMPLE_VISITS = [1, 10, 100];
type MarkerKind =
  | 'terminal-solved'
  | 'terminal-failed'
  | 'terminal-answered'
  | 'pruned'
  | 'selected'
  | 'failed-fold'
  | 'proven-failed';

function marker(kind: MarkerKind) {
  const r = nodeRadius(1);
  // Solved and failed nodes take their verdict's colour; the other marks show on any value, so a neutral fill.
  const fill =
    kind === 'terminal-solved'
      ? scoreColour(1)
      : kind === 'terminal-failed'
        ? scoreColour(0)
        : 'var(--tree-node-unscored)';
  return (
    <svg width={26} height={24} viewBox="-13 -12 26 24" aria-hidden="true">
      <g className="tree-node" data-state={kind}>
        {kind === 'selected' && <circle className="tree-node__selection" r={r + ringWidth(1) / 2 + 4} />}
        <circle className="tree-node__core" r={r} fill={fill} strokeWidth={ringWidth(1)} />
        {kind === 'terminal-solved' && (
          <>
            <circle className="tree-node__solved-ring" r={r + 3} />
            <path className="tree-node__mark" d={checkPath(r)} />
          </>
        )}
        {kind === 'terminal-failed' && <path className="tree-node__mark" d={crossPath(r)} />}
        {kind === 'terminal-answered' && (
          <>
            <circle className="tree-node__answered-ring" r={r + 3} />
            <path className="tree-node__question" d={questionPath(r)} />
          </>
        )}
        {kind === 'failed-fold' && failedFoldMark(r)}
        {kind === 'proven-failed' && provenMark(kind, r)}
      </g>
    </svg>
  );
}

function Item(props: { readonly children: ReactNode; readonly title?: string; readonly testId?: string }) {
  return (
    <span className="tree-legend__item" title={props.title} data-testid={props.testId}>
      {props.children}
    </span>
  );
}

function TreeLegendImpl() {
  const gradientId = useId();
  return (
    <div className="tree-legend" data-testid="tree-legend" aria-label="Legend">
      <Item title="Colour: Q = W / N, or the value estimate before any visit">
        <svg width={48} height={10} aria-hidden="true">
          <defs>
            <linearGradient id={gradientId}>
              {STOPS.map((t) => (
                <stop key={t} offset={t} stopColor={scoreColour(t)} />
              ))}
            </linearGradient>
          </defs>
          <rect width={48} height={10} rx={2} fill={`url(#${CSS.escape(gradientId)})`} />
        </svg>
        colour: Q 0→1
      </Item>
      <Item title="Size and ring: visits N (log scale)">
        <svg width={50} height={26} viewBox="0 -13 50 26" aria-hidden="true">
          {SAMPLE_VISITS.map((n, i) => (
            <circle
              key={n}
              className="tree-legend__ring"
              cx={7 + i * 17}
              r={nodeRadius(n) * 0.8}
              strokeWidth={ringWidth(n) * 0.8}
            />
          ))}
        </svg>
        size: N
      </Item>
      <Item title="Edge width: the child's visits">
        <svg width={28} height={14} aria-hidden="true">
          <line className="tree-edge" x1={2} x2={26} y1={3} y2={3} strokeWidth={edgeWidth(1)} />
          <line className="tree-edge" x1={2} x2={26} y1={10} y2={10} strokeWidth={edgeWidth(100)} />
        </svg>
        edge: N
      </Item>
      <Item title="Highlighted: the path the search is working on">
        <svg width={28} height={10} aria-hidden="true">
          <line className="tree-edge tree-edge--highlight" x1={2} x2={26} y1={5} y2={5} strokeWidth={3} />
        </svg>
        search path
      </Item>
      <Item
        title="Graph mode: another order of steps reached the same numbers, so the state has a second parent"
        testId="legend-transposition"
      >
        <svg width={28} height={10} aria-hidden="true">
          <line className="tree-edge tree-edge--transposition" x1={2} x2={26} y1={5} y2={5} strokeWidth={2} />
        </svg>
        same state
      </Item>
      <Item title="Refine: the policy wrote this step again after a critique" testId="legend-refine">
        <svg width={28} height={10} aria-hidden="true">
          <line className="tree-edge tree-edge--refine" x1={2} x2={26} y1={5} y2={5} strokeWidth={2} />
        </svg>
        rewrite
      </Item>
      <Item title="The node shown in the inspector" testId="legend-selected">
        {marker('selected')}
        selected
      </Item>
      <Item title="A verified solution">
        {marker('terminal-solved')}
        solved
      </Item>
      <Item title="An invalid step or a wrong final answer">
        {marker('terminal-failed')}
        failed
      </Item>
      <Item title="A final answer with no known answer to check it against" testId="legend-answered">
        {marker('terminal-answered')}
        answer (unchecked)
      </Item>
      <Item title="Pruned: never selected again">
        {marker('pruned')}
        pruned
      </Item>
      <Item
        title="MCTS-Solver: every step sampled below it failed, so selection never enters it again"
        testId="legend-proven-failed"
      >
        {marker('proven-failed')}
        proven failed
      </Item>
      <Item title="A subtree whose every leaf failed, folded (Fold failed)" testId="legend-failed-fold">
        {marker('failed-fold')}
        failed, folded
      </Item>
      <Item title="Nodes folded under this one (double-click to open)">
        <span className="tree-legend__text">+7 folded</span>
      </Item>
      <Item title="Badges (N/Q): visits and Q, or V, the value estimate, before any visit">
        <span className="tree-legend__text">N 12 · Q 0.58</span>
      </Item>
    </div>
  );
}

export const TreeLegend = memo(TreeLegendImpl);
