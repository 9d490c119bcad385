import { useLayoutEffect, useRef, useState } from 'react';
import type { TreeNode } from '../../core/tree';
import type { NodeLabel } from './node-label';
import type { GlyphState } from './tree-layout';
import './tree-card.css';

/**
 * The card of the node under the pointer or the keyboard focus: the step in full and every figure
 * the search keeps on it. It lies over the canvas without taking clicks (pointer-events: none) and
 * is kept inside the canvas, beside the node rather than over it.
 */
export interface NodeCardProps {
  readonly node: TreeNode;
  readonly state: GlyphState;
  /** The root's label (the problem), used as the root's text. */
  readonly rootLabel: NodeLabel;
  /** The node's centre and radius on screen, relative to the canvas. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly canvasWidth: number;
  readonly canvasHeight: number;
  /** Subtree nodes folded under this one. */
  readonly hidden: number;
}

const STATE_WORDS: Readonly<Record<GlyphState, string>> = {
  open: 'open (not expanded yet)',
  expanded: 'expanded',
  'terminal-solved': 'solved (verified)',
  'terminal-failed': 'failed',
  'terminal-answered': 'answer (unchecked)',
  pruned: 'pruned',
  'proven-failed': 'proven failed (every sampled step below failed)',
  'proven-solved': 'proven solved (a solution lies below)',
};

const GAP = 10;
const fixed = (n: number | undefined, digits = 3): string => (n === undefined ? '–' : n.toFixed(digits));

export function NodeCard(props: NodeCardProps) {
  const { node } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const next = { width: el.offsetWidth, height: el.offsetHeight };
    setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
  }, [node, props.state, props.hidden, props.rootLabel]);

  // Right of the node, else left of it; level with it, moved up or down to stay inside.
  let left = props.x + props.r + GAP;
  if (left + size.width > props.canvasWidth) left = props.x - props.r - GAP - size.width;
  left = Math.max(4, Math.min(left, props.canvasWidth - size.width - 4));
  let top = props.y - size.height / 2;
  top = Math.max(4, Math.min(top, props.canvasHeight - size.height - 4));

  const isRoot = node.parentId === null;
  const q = node.visits > 0 ? node.valueSum / node.visits : undefined;
  return (
    <div
      ref={ref}
      className="tree-card"
      data-testid="tree-card"
      data-node-id={node.id}
      role="tooltip"
      style={{ left, top, visibility: size.width === 0 ? 'hidden' : undefined }}
    >
      <div className="tree-card__text">{isRoot ? props.rootLabel.full : node.text}</div>
      <dl className="tree-card__figures">
        {!isRoot && (
          <>
            <dt title="The policy's probability of this step, normalized over its siblings">P</dt>
            <dd>{fixed(node.prior)}</dd>
          </>
        )}
        <dt title="Visits">N</dt>
        <dd>{node.visits}</dd>
        <dt title="Mean value of the visits, W / N">Q</dt>
        <dd>{fixed(q)}</dd>
        <dt title="The latest evaluation (value model, or the verifier on a terminal)">value</dt>
        <dd>{fixed(node.value)}</dd>
        {!isRoot && (
          <>
            <dt title="Tokens the policy generated for this step">tokens</dt>
            <dd>{node.tokens}</dd>
          </>
        )}
        <dt>status</dt>
        <dd>{STATE_WORDS[props.state]}</dd>
        {node.answer !== undefined && (
          <>
            <dt>answer</dt>
            <dd>{node.answer}</dd>
          </>
        )}
      </dl>
      {node.reason !== undefined && <div className="tree-card__reason">{node.reason}</div>}
      {props.hidden > 0 && (
        <div className="tree-card__note">{props.hidden} nodes folded below (double-click)</div>
      )}
    </div>
  );
}
