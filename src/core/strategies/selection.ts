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

/** The score a selection step maximises: the config's PUCT or UCT, or x1's formula for its variant. */
export type ScoreRule = 'puct' | 'uct' | 'x1';

export function selectionScore(kind: ScoreRule, parent: TreeNode, child: TreeNode, c: number): ScoreTerms {
  switch (kind) {
    case 'puct':
      return puctScore(parent, child, c);
    case 'uct':
      return uctScore(parent, child, c);
    case 'x1':
      return x1Score(parent, child);
  }
}

/** The child with the highest score; the first one on ties, so selection is deterministic. */
export function bestChild(
  kind: ScoreRule,
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

/** x1's constants (spcl/x1, x1/strategy/mcts.py): MuZero's c1 and c2, and its discount γ. */
export const X1_C1 = 1.25;
export const X1_C2 = 19652;
export const X1_GAMMA = 0.96;

/**
 * x1's selection score: Q(s,a) + sqrt(N(s) - 1) / (1 + N(a)) * (c1 + ln((N(s) - 1 + c2 + 1) / c2)).
 * It is MuZero's pUCT without the prior P(s,a): x1 weighs every child alike. x1 min-max normalises
 * Q to its reward range; with rewards and values in [0, 1] here that leaves Q as it is.
 */
export function x1Score(parent: TreeNode, child: TreeNode): ScoreTerms {
  const q = qValue(child);
  const n = Math.max(0, parent.visits - 1);
  const exploration = (Math.sqrt(n) / (1 + child.visits)) * (X1_C1 + Math.log((n + X1_C2 + 1) / X1_C2));
  return { q, exploration, score: q + exploration };
}
