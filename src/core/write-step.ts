import type { NewChild } from './events';
import { judgeStep } from './judge-step';
import type { SearchSession } from './session';
import { getNode, isInPrunedSubtree, nodeIdAt, type NodeId, type TreeNode } from './tree';

/**
 * A step written by hand: the person types the next step at a node, the policy scores that text
 * (it is not sampled), the task's verifier judges it, and it joins the tree with the mark
 * `written`. It lets a class ask "what does the model make of *this* step?" beside its own samples.
 */
export class StepRefusedError extends Error {
  override readonly name = 'StepRefusedError';
}

/**
 * Why `text` cannot be written at `parentId` (null when it can). The text must be one step (no
 * separator inside), the parent a live node a step can follow, and the step new among its siblings.
 */
export function writeRefusal<P>(session: SearchSession<P>, parentId: NodeId, text: string): string | null {
  return refusalOf(session, parentId, writtenText(session, parentId, text));
}

/** Why the completed `step` cannot be written at `parentId` (null when it can). */
function refusalOf<P>(session: SearchSession<P>, parentId: NodeId, step: string): string | null {
  const separator = session.task.stepSeparator ?? '\n';
  if (step === '') return 'write a step first';
  if (step.includes(separator) || step.includes('\n')) return 'one step at a time: a step has no line break';
  const parent = getNode(session.tree, parentId);
  if (isInPrunedSubtree(session.tree, parentId)) return `${parentId} is in a pruned subtree`;
  if (parent.transpositionOf !== undefined)
    return `${parentId} is a transposition of ${parent.transpositionOf}: write the step there`;
  if (parent.status !== 'open' && parent.status !== 'expanded')
    return `${parentId} is ${parent.status}: no step follows it`;
  const twin = parent.childIds
    .map((id) => getNode(session.tree, id))
    .find((c) => c.text === step && !c.pruned);
  if (twin) return `${twin.id} already says "${step}"`;
  return null;
}

/** The text as the step is written into the tree: trimmed, and completed to the models' format. */
export function writtenText<P>(session: SearchSession<P>, parentId: NodeId, text: string): string {
  const trimmed = text.trim();
  const { task } = session;
  if (!task.completeStep || !session.tree.nodes[parentId] || trimmed.includes('\n')) return trimmed;
  return task.completeStep(session.problem, session.steps(parentId), trimmed);
}

/** The written step's prior: its probability against the live siblings' (each counted once). */
function writtenPrior(logProb: number, siblings: readonly TreeNode[]): number {
  const logs = [logProb, ...siblings.map((s) => s.logProb)];
  const max = Math.max(...logs);
  const total = logs.reduce((a, l) => a + Math.exp(l - max), 0);
  return Math.exp(logProb - max) / total;
}

/**
 * Writes `text` as a child of `parentId` and returns its id. Throws StepRefusedError for a step
 * that cannot be written there, or when the policy cannot score given text. An open parent is
 * expanded with this step alone (prior 1); beside sampled siblings the prior is its probability
 * normalized with theirs, and the siblings keep the priors they were given at their expansion.
 */
export async function writeStep<P>(
  session: SearchSession<P>,
  parentId: NodeId,
  text: string,
): Promise<NodeId> {
  const step = writtenText(session, parentId, text);
  const refusal = refusalOf(session, parentId, step);
  if (refusal !== null) throw new StepRefusedError(refusal);
  const { policy } = session.models;
  if (!policy.scoreSteps) throw new StepRefusedError('this policy cannot score a given step');
  const steps = session.steps(parentId);
  const [score] = await policy.scoreSteps({
    prompt: session.prompt,
    format: session.task.format,
    stepSeparator: session.task.stepSeparator,
    items: [{ steps, step }],
  });
  session.policyCalls++;
  if (!score || !Number.isFinite(score.logProb))
    throw new StepRefusedError('the policy gave the step no log-probability');
  const parent = getNode(session.tree, parentId);
  const siblings = parent.childIds.map((id) => getNode(session.tree, id)).filter((c) => !c.pruned);
  const child: NewChild = judgeStep(session.task, session.problem, steps, {
    text: step,
    logProb: score.logProb,
    prior: writtenPrior(score.logProb, siblings),
    tokens: score.tokens,
    samples: 0,
  });
  const id = nodeIdAt(session.tree.nextId);
  session.apply({ type: 'write', parentId, child });
  return id;
}
