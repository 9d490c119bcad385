import { getNode, liveChildren, qValue } from '../../../core/tree';
import type { LessonStepBehaviour } from '../lesson-step';
import { fmt, useLessonView } from '../use-lesson-view';

/**
 * What N counts in this engine, against AlphaZero. The engine's MCTS (core/strategies/mcts.ts)
 * expands a leaf into all the distinct steps the policy sampled and evaluates every one of them at
 * once (session.evaluate: one visit per evaluation); backpropagate then adds that many visits to
 * the whole path. AlphaZero evaluates one leaf per simulation and backs up one value.
 */
function Counts() {
  const { tree, search } = useLessonView();
  if (!tree || !search) return <p>Waiting for the search…</p>;
  const root = getNode(tree, tree.rootId);
  const children = liveChildren(tree, root);
  const childSum = children.reduce((sum, c) => sum + c.visits, 0);
  const unvisited = children.filter((c) => c.visits === 0).length;
  const simulations = search.shown.simulations;
  return (
    <>
      <p>
        In <strong>AlphaZero</strong> a simulation ends at one leaf: the network gives the leaf a value v and
        priors P for its moves, the children are created with N = 0, and the single v is backed up. N(root)
        therefore counts simulations: after one, N(root) = 1 and the root&apos;s children have N = 0.
      </p>
      <p>
        <strong>This engine</strong> evaluates <em>every</em> new child when it is created (the value model
        scores them in one batch; finished steps take the verifier&apos;s reward) and backs up all those
        values at once. Each evaluation is one visit, so N counts evaluations, not simulations: after the
        first simulation N(root) was <strong data-testid="lesson-counts-first">{root.childIds.length}</strong>
        , one per child the root&apos;s expansion made.
      </p>
      <table
        className="lesson__table"
        data-testid="lesson-counts"
        data-simulations={simulations}
        data-root-visits={root.visits}
        data-children-sum={childSum}
        data-unvisited={unvisited}
      >
        <thead>
          <tr>
            <th>after {simulations} simulations</th>
            <th>AlphaZero</th>
            <th>this engine (live)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>N(root)</td>
            <td>{simulations}</td>
            <td>
              <strong>{root.visits}</strong> = Σ N(children) = {childSum}
            </td>
          </tr>
          <tr>
            <td>a new child</td>
            <td>N = 0, Q = 0 until a simulation reaches it</td>
            <td>N = 1, Q = its own v from the start ({unvisited} children at N = 0)</td>
          </tr>
          <tr>
            <td>a node&apos;s own value v</td>
            <td>computed when a simulation first reaches it</td>
            <td>computed when it is created, with all its siblings (the root has none)</td>
          </tr>
          <tr>
            <td>Q(root)</td>
            <td>mean of one value per simulation</td>
            <td>{fmt(qValue(root))}: mean of every evaluation in the tree</td>
          </tr>
        </tbody>
      </table>
      <p className="lesson__muted">
        Other differences: P here is the probability of each distinct sampled step, renormalized over the
        siblings that were sampled (AlphaZero: the policy head over every legal move, with Dirichlet noise at
        the root in self-play); a step that was never sampled does not exist on the tree; c is fixed (the
        published AlphaZero code lets it grow slowly with N); a &quot;simulation&quot; here is one expansion,
        or one more evaluation of a finished step that selection reached.
      </p>
    </>
  );
}

export const ENGINE_BEHAVIOUR = {
  counts: {
    Body: Counts,
  },
} satisfies Record<string, LessonStepBehaviour>;
