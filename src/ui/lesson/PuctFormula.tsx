import { puctScore } from '../../core/strategies/selection';
import { getNode, type NodeId, type ReasoningTree } from '../../core/tree';
import { fmt } from './use-lesson-view';

export interface PuctFormulaProps {
  /** The published tree: the caller re-renders whenever a new one is published. */
  readonly tree: ReasoningTree;
  readonly nodeId: NodeId;
  readonly c: number;
}

/**
 * The PUCT score of one node, written out with its live numbers, computed by the engine's own
 * puctScore so the figure is the one selection used.
 */
export function PuctFormula({ tree, nodeId, c }: PuctFormulaProps) {
  const node = getNode(tree, nodeId);
  if (node.parentId === null)
    return <p className="lesson__muted">The root is not scored: it has no siblings.</p>;
  const parent = getNode(tree, node.parentId);
  const t = puctScore(parent, node, c);
  return (
    <div className="lesson__formula" data-testid="lesson-puct" data-node-id={nodeId} data-score={t.score}>
      <div>
        PUCT(<code>{node.text}</code>) = Q + c · P · √N(parent) / (1 + N)
      </div>
      <div>
        = {fmt(t.q, 3)} + {c} · {fmt(node.prior, 3)} · √{parent.visits} / (1 + {node.visits})
      </div>
      <div>
        = {fmt(t.q, 3)} + {fmt(t.exploration, 3)} = <strong>{fmt(t.score, 3)}</strong>
      </div>
    </div>
  );
}
