import type { StatsUpdate } from '../events';
import { getNode, liveChildren, qValue, type NodeId, type ReasoningTree } from '../tree';
import { X1_GAMMA } from './selection';

/**
 * x1's backpropagation (Node.backpropagate, lr_td = 1): from the expanded leaf up to the root, each
 * node gets one more visit and its Q becomes the visit-weighted mean of its children's discounted
 * Q: Q(s) = Σ N(c) γ Q(c) / Σ N(c). Returned as changes of N and W (W = Q N), in the order they
 * apply, each computed on the statistics the one below it left.
 */
export function x1Backup(tree: ReasoningTree, path: readonly NodeId[]): StatsUpdate[] {
  const updates: StatsUpdate[] = [];
  const changed = new Map<NodeId, { visits: number; valueSum: number }>();
  const stats = (id: NodeId): { visits: number; valueSum: number } => {
    const node = getNode(tree, id);
    return changed.get(id) ?? { visits: node.visits, valueSum: node.valueSum };
  };
  for (let i = path.length - 1; i >= 0; i--) {
    const id = path[i] as NodeId;
    const node = getNode(tree, id);
    let weighted = 0;
    let visits = 0;
    for (const child of liveChildren(tree, node)) {
      const s = stats(child.id);
      const q = s.visits > 0 ? s.valueSum / s.visits : qValue(child);
      weighted += s.visits * X1_GAMMA * q;
      visits += s.visits;
    }
    // A terminal leaf (no children) keeps what its evaluation gave it.
    if (visits === 0) continue;
    const before = stats(id);
    const after = { visits: before.visits + 1, valueSum: (weighted / visits) * (before.visits + 1) };
    changed.set(id, after);
    updates.push({ nodeId: id, visits: 1, valueSum: after.valueSum - before.valueSum });
  }
  return updates;
}
