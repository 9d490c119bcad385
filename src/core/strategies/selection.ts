import { qValue, type TreeNode } from '../tree';

/**
 * Selection scores, broken into their terms so that an inspector can show the numbers.
 * PUCT: Q(s,a) + c * P(s,a) * sqrt(N(s)) / (1 + N(a)).  UCT: Q(s,a) + c * sqrt(ln N(s) / N(a)).
 */
export interface ScoreTerms {
  readonly q: number;
  readonly exploration: number;
  readonly score: number;
}

export function puctScore(parent: TreeNode, child: TreeNode, c: number): ScoreTerms {
  const q = qValue(child);
  const exploration = (c * child.prior * Math.sqrt(parent.visits)) / (1 + child.visits);
  return { q, exploration, score: q + exploration };
}

export function uctScore(parent: TreeNode, child: TreeNode, c: number): ScoreTerms {
  const q = qValue(child);
  const exploration =
    child.visits === 0
      ? Number.POSITIVE_INFINITY
      : c * Math.sqrt(Math.log(Math.max(1, parent.visits)) / child.visits);
  return { q, exploration, score: q + exploration };
}

export function selectionScore(
  kind: 'puct' | 'uct',
  parent: TreeNode,
  child: TreeNode,
  c: number,
): ScoreTerms {
  return kind === 'puct' ? puctScore(parent, child, c) : uctScore(parent, child, c);
}

/** The child with the highest score; the first one on ties, so selection is deterministic. */
export function bestChild(
  kind: 'puct' | 'uct',
  parent: TreeNode,
  children: readonly TreeNode[],
  c: number,
): TreeNode | undefined {
  let best: TreeNode | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const child of children) {
    const { score } = selectionScore(kind, parent, child, c);
    if (score > bestScore) {
      best = child;
      bestScore = score;
    }
  }
  return best;
}
