import {
  firstSolvedNode,
  getNode,
  liveChildren,
  mostVisitedPath,
  qValue,
  type NodeId,
  type ReasoningTree,
  type TreeNode,
} from '../core/tree';

/**
 * The three ways a search could name its final answer, read off one tree, so the lesson can show
 * them side by side and say which one the engine took.
 */
export interface AnswerCandidates {
  /** The first solved terminal in creation order (outside pruned subtrees), if any. */
  readonly firstVerified: TreeNode | undefined;
  /** From the root, the most-visited live child at each level (first on ties), down to a leaf. */
  readonly mostVisited: readonly NodeId[];
  /** From the root, the live child with the highest Q at each level (first on ties), down to a leaf. */
  readonly bestQ: readonly NodeId[];
}

/** Follows the highest-Q live child from the root: what "pick the best mean value" would answer. */
export function bestQPath(tree: ReasoningTree): NodeId[] {
  const path: NodeId[] = [tree.rootId];
  let node = getNode(tree, tree.rootId);
  for (;;) {
    const kids = liveChildren(tree, node);
    const first = kids[0];
    if (first === undefined) return path;
    let best = first;
    for (const k of kids) if (qValue(k) > qValue(best)) best = k;
    path.push(best.id);
    node = best;
  }
}

export function answerCandidates(tree: ReasoningTree): AnswerCandidates {
  return { firstVerified: firstSolvedNode(tree), mostVisited: mostVisitedPath(tree), bestQ: bestQPath(tree) };
}

/**
 * The node this engine's MCTS answers with when it ends (mcts.ts, end()): the first verified
 * solution whatever the stop rule, else the end of the most-visited path. Best Q is never used.
 */
export function mctsAnswer(tree: ReasoningTree): {
  readonly nodeId: NodeId;
  readonly rule: 'verified' | 'visits';
} {
  const solved = firstSolvedNode(tree);
  if (solved) return { nodeId: solved.id, rule: 'verified' };
  return { nodeId: mostVisitedPath(tree).at(-1) ?? tree.rootId, rule: 'visits' };
}
