import { useEffect } from 'react';
import type { CountdownProblem } from '../../../core/tasks/countdown';
import { failingBranch } from '../../../state/failing-branch';
import type { Setup } from '../../../state/setup';
import type { LessonStepBehaviour } from '../lesson-step';
import { fmt, useLessonView } from '../use-lesson-view';

/** The lesson's countdown puzzle from the setup, for judging dead ends (null for other tasks). */
function countdownProblem(setup: Setup): CountdownProblem | null {
  if (setup.task !== 'countdown') return null;
  const numbers = setup.numbers.split(',').map(Number);
  const target = Number(setup.target);
  return numbers.every(Number.isInteger) && Number.isInteger(target) ? { numbers, target } : null;
}

function Supervision() {
  const { tree, select, setup } = useLessonView();
  const branch = tree ? failingBranch(tree, countdownProblem(setup)) : undefined;
  const leafId = branch?.leaf.id ?? null;
  useEffect(() => {
    if (leafId) select(leafId);
  }, [leafId, select, tree]);
  if (!tree || !branch) return <p>No failed branch has been scored yet: run the search first.</p>;
  const { steps, drop } = branch;
  return (
    <>
      <p>
        A failed branch, selected on the tree: {branch.why}. How should a model learn from it?{' '}
        <strong>Outcome-based supervision</strong> sees only the end: every step of the branch gets the final
        reward, 0. <strong>Process-based supervision</strong> scores each step: the value model here was
        trained that way (each state labelled by an exhaustive solver: can the target still be reached?), so
        its numbers say <em>where</em> the branch went wrong.
      </p>
      <table className="lesson__table" data-testid="lesson-supervision" data-leaf-id={branch.leaf.id}>
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
              <td>0</td>
            </tr>
          ))}
        </tbody>
      </table>
      {drop && (
        <p>
          The value model&apos;s estimate fell at <code>{drop.text}</code> (to v {fmt(drop.value)}): a process
          signal points at that step, an outcome signal blames every step alike.
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

export const CLOSING_BEHAVIOUR = {
  supervision: {
    Body: Supervision,
  },
  wrap: {
    Body: Wrap,
  },
} satisfies Record<string, LessonStepBehaviour>;
