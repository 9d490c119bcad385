import { memo, useId } from 'react';
import { checkPath, crossPath, edgeWidth, nodeRadius, ringWidth, scoreColour } from './node-style';

/**
 * What the tree's encodings mean, drawn with the same functions and CSS classes as the tree so the
 * two cannot disagree.
 */
const STOPS = [0, 0.25, 0.5, 0.75, 1];
const SAMPLE_VISITS = [1, 10, 100];

function marker(state: 'terminal-solved' | 'terminal-failed' | 'terminal-answered' | 'pruned') {
  const r = nodeRadius(1);
  return (
    <svg width={24} height={22} viewBox="-12 -11 24 22" aria-hidden="true">
      <g className="tree-node" data-state={state}>
        <circle
          className="tree-node__core"
          r={r}
          // An unchecked answer keeps its value's colour in the tree; a middling one stands for it here.
          fill={scoreColour(state === 'terminal-solved' ? 1 : state === 'terminal-answered' ? 0.5 : 0.1)}
          strokeWidth={ringWidth(1)}
        />
        {state === 'terminal-solved' && (
          <>
            <circle className="tree-node__solved-ring" r={r + 3} />
            <path className="tree-node__mark" d={checkPath(r)} />
          </>
        )}
        {state === 'terminal-failed' && <path className="tree-node__mark" d={crossPath(r)} />}
        {state === 'terminal-answered' && <circle className="tree-node__answered-ring" r={r + 3} />}
      </g>
    </svg>
  );
}

function TreeLegendImpl() {
  const gradientId = useId();
  return (
    <div className="tree-legend" data-testid="tree-legend">
      <span className="tree-legend__item" title="Colour: Q = W / N, or the value estimate before any visit">
        <svg width={56} height={10} aria-hidden="true">
          <defs>
            <linearGradient id={gradientId}>
              {STOPS.map((t) => (
                <stop key={t} offset={t} stopColor={scoreColour(t)} />
              ))}
            </linearGradient>
          </defs>
          <rect width={56} height={10} rx={2} fill={`url(#${CSS.escape(gradientId)})`} />
        </svg>
        Q 0→1
      </span>
      <span className="tree-legend__item" title="Ring and size: visits N (log scale)">
        <svg width={62} height={30} viewBox="0 -15 62 30" aria-hidden="true">
          {SAMPLE_VISITS.map((n, i) => (
            <circle
              key={n}
              className="tree-legend__ring"
              cx={9 + i * 21}
              r={nodeRadius(n)}
              strokeWidth={ringWidth(n)}
            />
          ))}
        </svg>
        N
      </span>
      <span className="tree-legend__item" title="Edge width: the child's visits">
        <svg width={34} height={16} aria-hidden="true">
          <line className="tree-edge" x1={2} x2={32} y1={4} y2={4} strokeWidth={edgeWidth(1)} />
          <line className="tree-edge" x1={2} x2={32} y1={12} y2={12} strokeWidth={edgeWidth(100)} />
        </svg>
        edge N
      </span>
      <span className="tree-legend__item">
        {marker('terminal-solved')}
        solved
      </span>
      <span className="tree-legend__item">
        {marker('terminal-failed')}
        failed
      </span>
      <span
        className="tree-legend__item"
        data-testid="legend-answered"
        title="A final answer with no known answer to check it against"
      >
        {marker('terminal-answered')}
        answer (unchecked)
      </span>
      <span className="tree-legend__item">
        {marker('pruned')}
        pruned
      </span>
      <span className="tree-legend__item" title="Highlighted: the path the search is working on">
        <svg width={24} height={10} aria-hidden="true">
          <line className="tree-edge tree-edge--highlight" x1={2} x2={22} y1={5} y2={5} strokeWidth={3} />
        </svg>
        path
      </span>
    </div>
  );
}

export const TreeLegend = memo(TreeLegendImpl);
