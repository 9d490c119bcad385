import { useEffect } from 'react';
import { getNode, isInPrunedSubtree, pathTo, type ReasoningTree, type TreeNode } from '../../../core/tree';
import type { LessonStepDef } from '../lesson-step';
import { fmt, useLessonView } from '../useLessonView';

/**
 * A branch that failed, to read its steps' scores: the deepest failed terminal (a wrong final
 * number teaches more than a first-step slip), else the leaf with the lowest value.
 */
export function failingLeaf(tree: ReasoningTree): TreeNode | undefined {
  const nodes = Object.values(tree.nodes).filter((n) => !isInPrunedSubtree(tree, n.id));
  const failed = nodes.filter((n) => n.status === 'failed').sort((a, b) => b.depth - a.depth);
  if (failed[0]) return failed[0];
  const leaves = nodes.filter((n) => n.childIds.length === 0 && n.value !== undefined && n.parentId !== null);
  return leaves.sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
}

function Supervision() {
  const { tree, select, version } = useLessonView();
  const leaf = tree ? failingLeaf(tree) : undefined;
  const leafId = leaf?.id ?? null;
  useEffect(() => {
    if (leafId) select(leafId);
  }, [leafId, select, version]);
  if (!tree || !leaf) return <p>No branch has been scored yet: run the search first.</p>;

  const outcome = leaf.status === 'solved' ? 1 : 0;
  const steps = pathTo(tree, leaf.id)
    .slice(1)
    .map((id) => getNode(tree, id));
  const drop = steps.find((n) => (n.value ?? 1) < 0.5);
  return (
    <>
      <p>
        A failed branch, selected on the tree{leaf.reason ? ` (${leaf.reason})` : ''}. How should a model
        learn from it? <strong>Outcome-based supervision</strong> sees only the end: every step of the branch
        gets the final reward, {outcome}. <strong>Process-based supervision</strong> scores each step: the
        value model here was trained that way (each state labelled by an exhaustive solver: can the target
        still be reached?), so its numbers say <em>where</em> the branch went wrong.
      </p>
      <table className="lesson__table" data-testid="lesson-supervision">
        <thead>
          <tr>
            <th>step</th>
            <th>process: v</th>
            <th>outcome</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((n) => (
            <tr key={n.id} className={n === drop ? 'is-drop' : undefined}>
              <td>
                <code>{n.text}</code>
              </td>
              <td>
                {n.status === 'failed' || n.status === 'solved'
                  ? `${fmt(n.value, 0)} (verifier)`
                  : fmt(n.value)}
              </td>
              <td>{outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {drop && (
        <p>
          The value model already doubted the branch at <code>{drop.text}</code> (v {fmt(drop.value)}): a
          process signal points at that step, an outcome signal blames all of them alike.
        </p>
      )}
    </>
  );
}

function Wrap() {
  return (
    <>
      <p>What you have seen, in the blueprint&apos;s words:</p>
      <table className="lesson__table">
        <tbody>
          <tr>
            <th>structure</th>
            <td>a tree of reasoning steps (a chain is a tree with one child per node)</td>
          </tr>
          <tr>
            <th>strategy</th>
            <td>MCTS; also chain, best-of-N and beam search</td>
          </tr>
          <tr>
            <th>operators</th>
            <td>
              Generate (expand), Evaluate, Select, Backpropagate; try Prune (P) and Backtrack (Z) on the tree
            </td>
          </tr>
          <tr>
            <th>models</th>
            <td>a policy proposes steps, a value model judges partial solutions</td>
          </tr>
          <tr>
            <th>supervision</th>
            <td>outcome-based (final reward) or process-based (each step)</td>
          </tr>
        </tbody>
      </table>
      <p>
        Go on from here: change the puzzle or the strategy on the left, export the session as JSON, or import
        a tree grown by x1.
      </p>
    </>
  );
}

export const CLOSING_STEPS: readonly LessonStepDef[] = [
  { id: 'supervision', title: 'Outcome vs process supervision', Body: Supervision },
  { id: 'wrap', title: 'The blueprint, in one table', Body: Wrap },
];
