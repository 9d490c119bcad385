import { getNode, qValue, type TreeNode } from '../../../core/tree';
import { rootExpanded, startLessonSearch, stepPhasesUntil } from '../../../state/lesson-driver';
import type { LessonStepBehaviour } from '../lesson-step';
import { fmt, useLessonView } from '../use-lesson-view';

/** The root's children, most probable first. */
function useRootChildren(): { root: TreeNode | null; children: TreeNode[] } {
  const { tree } = useLessonView();
  if (!tree) return { root: null, children: [] };
  const root = getNode(tree, tree.rootId);
  const children = root.childIds.map((id) => getNode(tree, id)).sort((a, b) => b.prior - a.prior);
  return { root, children };
}

function Intro() {
  const { setup } = useLessonView();
  return (
    <>
      <p>
        The puzzle: use <strong>{setup.numbers.split(',').join(', ')}</strong> once each with + − × ÷ to make{' '}
        <strong>{setup.target}</strong>. A reasoning model solves it one step at a time: each step combines
        two numbers, like <code>10-8=2 (left: 1 2 11)</code>.
      </p>
      <p>
        A <em>reasoning scheme</em> (the blueprint's term) is a structure — here a tree of steps — grown by a
        strategy over two models. The canvas shows the tree; its root is the puzzle. Every step of this lesson
        drives the real playground: the models run in this page ({setup.policy}, {setup.value}), and the
        controls above the tree stay yours.
      </p>
    </>
  );
}

function Policy() {
  const { search } = useLessonView();
  const { children } = useRootChildren();
  const k = search?.config.k ?? 0;
  return (
    <>
      <p>
        The <strong>policy model</strong> writes the next step. <em>Expand</em> asked it for {k} samples from
        the root (temperature {search?.config.temperature}); identical samples merge, leaving{' '}
        <strong data-testid="lesson-root-children">{children.length}</strong> distinct steps. Each one&apos;s
        prior <em>P</em> is its probability under the policy, normalized over its siblings:
      </p>
      <table className="lesson__table">
        <thead>
          <tr>
            <th>step</th>
            <th>samples</th>
            <th>P</th>
          </tr>
        </thead>
        <tbody>
          {children.slice(0, 8).map((c) => (
            <tr key={c.id}>
              <td>
                <code>{c.text}</code>
              </td>
              <td>{c.samples}</td>
              <td>{fmt(c.prior)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children.length > 8 && <p className="lesson__muted">…and {children.length - 8} more on the tree.</p>}
    </>
  );
}

function ValueStep() {
  const { root, children } = useRootChildren();
  const byValue = [...children].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return (
    <>
      <p>
        The <strong>value model</strong> reads a partial solution and estimates how likely it still reaches
        the target. <em>Evaluate</em> scored every new child in one batch; the tree colours them by it.{' '}
        <em>Backpropagate</em> then added each score to the root: N(root) ={' '}
        <strong data-testid="lesson-root-visits">{root?.visits ?? 0}</strong>, Q(root) ={' '}
        {fmt(root ? qValue(root) : undefined)}.
      </p>
      <table className="lesson__table">
        <thead>
          <tr>
            <th>step</th>
            <th>P (policy)</th>
            <th>v (value)</th>
          </tr>
        </thead>
        <tbody>
          {byValue.slice(0, 8).map((c) => (
            <tr key={c.id}>
              <td>
                <code>{c.text}</code>
              </td>
              <td>{fmt(c.prior)}</td>
              <td>{fmt(c.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lesson__muted">
        The two models disagree at times: the policy says what is likely to be written, the value model what
        is likely to work. The search needs both.
      </p>
    </>
  );
}

export const BASICS_BEHAVIOUR = {
  intro: {
    enter: startLessonSearch,
    Body: Intro,
  },
  policy: {
    enter: async (store) => {
      if (!rootExpanded(store)) await stepPhasesUntil(store, (ran) => ran === 'expand');
    },
    Body: Policy,
  },
  value: {
    enter: async (store) => {
      const root = () => {
        const tree = store.getState().search?.tree;
        return tree ? getNode(tree, tree.rootId) : null;
      };
      if ((root()?.visits ?? 0) === 0) await stepPhasesUntil(store, (ran) => ran === 'backpropagate');
    },
    Body: ValueStep,
  },
} satisfies Record<string, LessonStepBehaviour>;
