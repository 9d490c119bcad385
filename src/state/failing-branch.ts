import { CountdownSolver } from '../core/tasks/countdown-solver';
import { verifyTrace, type CountdownProblem } from '../core/tasks/countdown';
import { getNode, isInPrunedSubtree, pathTo, stepsTo, type ReasoningTree, type TreeNode } from '../core/tree';

/**
 * A branch that failed, for the lesson's outcome- vs process-supervision step: its outcome (0) is
 * known, and the value model scored each of its steps. The most telling one is where the value
 * model's estimate fell the most along the way: the process signal then points at one step.
 */
export interface FailingBranch {
  readonly leaf: TreeNode;
  /** The steps from the root's first child down to the leaf. */
  readonly steps: readonly TreeNode[];
  /** The step whose value fell the most from the step before it (the root counts as 1). */
  readonly drop: TreeNode | undefined;
  /** Why the branch is a failure. */
  readonly why: string;
}

const solver = new CountdownSolver();

/** Why this leaf can never reach a right answer, or null when it still might (or it is unknown). */
function failure(tree: ReasoningTree, leaf: TreeNode, problem: CountdownProblem | null): string | null {
  if (leaf.status === 'failed') return leaf.reason ?? 'a wrong final answer';
  if (leaf.status !== 'open' || problem === null) return null;
  const verdict = verifyTrace(problem, stepsTo(tree, leaf.id));
  if (!verdict.ok || verdict.remaining.length < 2) return null;
  return solver.isSolvable({ numbers: verdict.remaining, target: problem.target })
    ? null
    : `no way on from ${verdict.remaining.join(', ')} reaches ${problem.target}`;
}

const valueOf = (n: TreeNode): number => n.value ?? 0;

/** The failing branch whose values fell the most, preferring branches of two steps or more. */
export function failingBranch(
  tree: ReasoningTree,
  problem: CountdownProblem | null,
): FailingBranch | undefined {
  let best: FailingBranch | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const leaf of Object.values(tree.nodes)) {
    if (leaf.childIds.length > 0 || leaf.parentId === null || leaf.value === undefined) continue;
    if (isInPrunedSubtree(tree, leaf.id)) continue;
    const why = failure(tree, leaf, problem);
    if (why === null) continue;
    const steps = pathTo(tree, leaf.id)
      .slice(1)
      .map((id) => getNode(tree, id));
    let drop: TreeNode | undefined;
    let fall = Number.NEGATIVE_INFINITY;
    steps.forEach((step, i) => {
      const before = i === 0 ? 1 : valueOf(steps[i - 1] as TreeNode);
      if (before - valueOf(step) > fall) {
        fall = before - valueOf(step);
        drop = step;
      }
    });
    // A longer branch shows a value falling partway; a first-step slip shows nothing of the kind.
    const score = fall + (steps.length >= 2 ? 1 : 0);
    if (score > bestScore) {
      best = { leaf, steps, drop, why };
      bestScore = score;
    }
  }
  return best;
}
