import { judgeStep } from './judge-step';
import type { SearchSession } from './session';
import { getNode, liveChildren, nodeIdAt, type NodeId, type ReasoningTree, type TreeNode } from './tree';

/**
 * The Blueprint's Refine operator: a step the verifier rejected, or one the value model thinks
 * leads nowhere, is shown back to the policy with a critique after it, and the policy writes the
 * step again. The rewrite is judged against the steps before the original and joins the tree
 * beside it, marked as its refinement (like Self-Refine's feedback-and-rewrite, and like
 * Reflexion's and CRITIC's use of outside feedback: here the critique quotes the verifier).
 */

/** The critique put to the policy after `node`, or undefined when the step needs none. */
export function critiqueOf(node: TreeNode, threshold: number): string | undefined {
  // A rewrite is not rewritten again: one refinement per step keeps the tree readable.
  if (node.refines !== undefined || node.pruned) return undefined;
  if (node.status === 'failed')
    return `Critique: the step above is wrong (${node.reason ?? 'the verifier rejected it'}). Rewrite that step correctly.`;
  if (node.status === 'open' && node.value !== undefined && node.value < threshold)
    return `Critique: the step above probably leads nowhere (its value is ${node.value.toFixed(2)}). Rewrite that step.`;
  return undefined;
}

/** The children of `parentId` that a refine pass would rewrite: those with a critique, not yet refined. */
export function refinable(tree: ReasoningTree, parentId: NodeId, threshold: number): NodeId[] {
  const kids = liveChildren(tree, getNode(tree, parentId));
  const refined = new Set(kids.flatMap((k) => (k.refines === undefined ? [] : [k.refines])));
  return kids.filter((k) => !refined.has(k.id) && critiqueOf(k, threshold) !== undefined).map((k) => k.id);
}

/**
 * Refines each of `nodeIds` in one batched policy call (one sample each). A rewrite equal to a
 * step already under the same parent adds nothing (its tokens still count). Returns the new ids.
 */
export async function refineSteps<P>(
  session: SearchSession<P>,
  nodeIds: readonly NodeId[],
  threshold: number,
  temperature: number,
  maxStepTokens: number,
): Promise<NodeId[]> {
  const { tree } = session;
  const work = nodeIds.flatMap((id) => {
    const node = getNode(tree, id);
    const critique = critiqueOf(node, threshold);
    return critique === undefined || node.parentId === null
      ? []
      : [{ node, critique, parentId: node.parentId, previous: session.steps(node.parentId) }];
  });
  if (work.length === 0) return [];
  const samples = await session.models.policy.sample({
    prompt: session.prompt,
    format: session.task.format,
    stepSeparator: session.task.stepSeparator,
    requests: work.map((w) => ({ steps: [...w.previous, w.node.text, w.critique], k: 1 })),
    temperature,
    seed: session.rng.nextUint32(),
    maxStepTokens,
  });
  session.policyCalls++;
  const created: NodeId[] = [];
  work.forEach((w, i) => {
    const sample = samples[i]?.[0];
    if (!sample) return;
    session.generatedTokens += sample.tokens;
    const siblings = getNode(session.tree, w.parentId).childIds.map((id) => getNode(session.tree, id).text);
    if (sample.text.trim() === '' || siblings.includes(sample.text)) return;
    const child = judgeStep(session.task, session.problem, w.previous, {
      text: sample.text,
      logProb: sample.logProb,
      // The rewrite stands in for the step it refines, so it inherits that step's prior.
      prior: w.node.prior,
      tokens: sample.tokens,
      samples: 1,
    });
    created.push(nodeIdAt(session.tree.nextId));
    session.apply({ type: 'refine', nodeId: w.node.id, critique: w.critique, child });
  });
  return created;
}
