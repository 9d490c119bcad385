import {
  getNode,
  isKnownFailed,
  isKnownSolved,
  liveChildren,
  type NodeId,
  type ReasoningTree,
  type TreeNode,
} from './tree';

/**
 * MCTS-Solver (Winands, Björnsson and Saito, 2008), for trees of sampled steps: a node is proven
 * failed when every live child is a failed terminal or proven failed, and proven solved when one
 * child is solved or proven solved. In a game tree the children are all legal moves, so "all
 * children lost" proves the position lost; here they are the k steps the policy sampled, so a
 * proof says "nothing this search drew below here can succeed", not that no step could.
 */
export interface Proofs {
  readonly solved: NodeId[];
  readonly failed: NodeId[];
}

/**
 * The nodes that become proven when `fromId` changed (its children or their statuses): walks up
 * from `fromId` and stops at the first node whose proof does not change, since nothing above it
 * can change either.
 */
export function newProofs(tree: ReasoningTree, fromId: NodeId): Proofs {
  const solved: NodeId[] = [];
  const failed: NodeId[] = [];
  // The proof found one level down in this walk, not yet in the tree.
  let below: { readonly id: NodeId; readonly outcome: 'solved' | 'failed' } | undefined;
  for (let id: NodeId | null = fromId; id !== null;) {
    const node = getNode(tree, id);
    if (node.status !== 'expanded' || node.proven !== undefined) break;
    // A transposition stands for the node holding its state: its proof is that node's.
    const kids = liveChildren(tree, node).map((k) =>
      k.transpositionOf === undefined ? k : getNode(tree, k.transpositionOf),
    );
    const provenAs = (kid: TreeNode, outcome: 'solved' | 'failed'): boolean =>
      below?.id === kid.id && below.outcome === outcome;
    if (kids.some((k) => isKnownSolved(k) || provenAs(k, 'solved'))) {
      solved.push(node.id);
      below = { id: node.id, outcome: 'solved' };
    } else if (kids.length > 0 && kids.every((k) => isKnownFailed(k) || provenAs(k, 'failed'))) {
      failed.push(node.id);
      below = { id: node.id, outcome: 'failed' };
    } else break;
    id = node.parentId;
  }
  return { solved, failed };
}
