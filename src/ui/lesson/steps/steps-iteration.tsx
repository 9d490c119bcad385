import { getNode, qValue } from '../../../core/tree';
import { stepPhasesUntil } from '../../../state/lesson-driver';
import { count } from '../../../state/plural';
import type { PlaygroundStore } from '../../../state/store';
import { ScoreTable } from '../../inspector/ScoreTable';
import type { LessonStepBehaviour } from '../lesson-step';
import { PuctFormula } from '../PuctFormula';
import { fmt, useLessonView } from '../use-lesson-view';

/** Runs up to `phase` and puts the node the phase was about (the highlight's last) in the inspector. */
function toPhase(phase: 'select' | 'expand' | 'evaluate' | 'backpropagate') {
  return async (store: PlaygroundStore) => {
    await stepPhasesUntil(store, (ran) => ran === phase);
    const { search, select } = store.getState();
    const focus = phase === 'select' || phase === 'backpropagate' ? search?.note.highlight.at(-1) : undefined;
    if (focus) select(focus);
  };
}

/** The path the current simulation selected (the phase note's highlight). */
function usePath() {
  const view = useLessonView();
  const ids = view.note.highlight.filter((id) => view.tree?.nodes[id] !== undefined);
  return { ...view, ids };
}

function Select() {
  const { tree, ids, selectedId, search } = usePath();
  const shown = selectedId && tree?.nodes[selectedId]?.parentId ? selectedId : ids.at(-1);
  if (!tree || !shown || !search) return <p>Waiting for the select phase…</p>;
  const node = getNode(tree, shown);
  return (
    <>
      <p>
        A new simulation starts at the root and descends, at each node taking the child with the highest PUCT
        score, until it reaches a leaf. This one went through {count(ids.length - 1, 'step')}. The score adds
        what the value model found so far (Q) to an exploration bonus that favours steps the policy likes (P)
        and the search has tried little (N):
      </p>
      <PuctFormula tree={tree} nodeId={shown} c={search.config.c} />
      {node.parentId !== null && (
        <ScoreTable
          tree={tree}
          parentId={node.parentId}
          nodeId={shown}
          selection="puct"
          c={search.config.c}
          strategy="mcts"
        />
      )}
      <p className="lesson__muted">Click another node on the tree to see its formula filled in.</p>
    </>
  );
}

function Expand() {
  const { tree, note } = useLessonView();
  const leafId = note.highlight[0];
  const leaf = tree && leafId ? tree.nodes[leafId] : undefined;
  return (
    <>
      <p>
        <em>Expand</em>: the policy sampled steps from the selected leaf
        {leaf ? (
          <>
            {' '}
            <code>{leaf.text || 'the root'}</code>, giving it {leaf.childIds.length} children
          </>
        ) : null}
        . A step that breaks the rules, or ends on a number other than the target, is marked failed by the
        verifier right away; one that ends on the target is solved.
      </p>
      <p className="lesson__muted">{note.text}</p>
    </>
  );
}

function Evaluate() {
  const { tree, note } = useLessonView();
  const ids = note.highlight.filter((id) => tree?.nodes[id] !== undefined);
  return (
    <>
      <p>
        <em>Evaluate</em>: the value model scored the new children in one batch; terminal steps take the
        verifier&apos;s reward instead (1 solved, 0 failed).
      </p>
      {tree && (
        <table className="lesson__table">
          <tbody>
            {ids.map((id) => {
              const n = getNode(tree, id);
              return (
                <tr key={id}>
                  <td>
                    <code>{n.text}</code>
                  </td>
                  <td>
                    {n.status === 'solved' || n.status === 'failed'
                      ? `reward ${fmt(n.value, 0)}`
                      : `v ${fmt(n.value)}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function Backpropagate() {
  const { tree, note } = useLessonView();
  const ids = note.highlight.filter((id) => tree?.nodes[id] !== undefined);
  return (
    <>
      <p>
        <em>Backpropagate</em>: every node on the path from the leaf back to the root adds the new evaluations
        to its visit count N and value sum W, so its mean Q = W / N moves toward what was found below it. That
        Q is what the next selection reads.
      </p>
      {tree && (
        <table className="lesson__table" data-testid="lesson-backprop">
          <thead>
            <tr>
              <th>node</th>
              <th>N</th>
              <th>Q</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const n = getNode(tree, id);
              return (
                <tr key={id}>
                  <td>
                    <code>{n.text || 'root'}</code>
                  </td>
                  <td>{n.visits}</td>
                  <td>{fmt(qValue(n))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

export const ITERATION_BEHAVIOUR = {
  select: {
    enter: toPhase('select'),
    Body: Select,
  },
  expand: {
    enter: toPhase('expand'),
    Body: Expand,
  },
  evaluate: {
    enter: toPhase('evaluate'),
    Body: Evaluate,
  },
  backpropagate: {
    enter: toPhase('backpropagate'),
    Body: Backpropagate,
  },
} satisfies Record<string, LessonStepBehaviour>;
