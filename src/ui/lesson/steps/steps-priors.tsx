import { useEffect, useState } from 'react';
import { bestChild } from '../../../core/strategies/selection';
import { getNode, liveChildren } from '../../../core/tree';
import { stepPhasesTo } from '../../../state/lesson-driver';
import { ScoreTable } from '../../inspector/ScoreTable';
import type { LessonStepBehaviour } from '../lesson-step';
import { useLessonView } from '../use-lesson-view';

const C_MIN = 0;
const C_MAX = 4;

/**
 * c weighs the prior against what the search has found. The slider recomputes, on the live tree,
 * which child of the root PUCT would pick at that c, and selects it on the canvas; the search's
 * own c stays as it is (changing the setup would start a new search).
 */
function Priors() {
  const { tree, search, select } = useLessonView();
  const [c, setC] = useState(search?.config.c ?? 1);
  const root = tree ? getNode(tree, tree.rootId) : null;
  const picked = tree && root ? bestChild('puct', root, liveChildren(tree, root), c) : undefined;
  const pickedId = picked?.id ?? null;

  useEffect(() => {
    if (pickedId) select(pickedId);
  }, [pickedId, select, tree]);

  if (!tree || !root || !picked) return <p>The root has no children yet.</p>;
  return (
    <>
      <p>
        The constant <em>c</em> sets how much the policy&apos;s prior counts. With c near 0, selection follows
        Q alone and keeps re-visiting what already scored well; a large c lets the prior and the 1/(1+N) bonus
        pull it toward steps the policy likes but the search has barely tried. Drag c and watch the pick move
        on the tree.
      </p>
      <label className="lesson__slider">
        c = <strong data-testid="lesson-c-value">{c.toFixed(1)}</strong>
        <input
          type="range"
          min={C_MIN}
          max={C_MAX}
          step={0.1}
          value={c}
          data-testid="lesson-c"
          onChange={(e) => setC(Number(e.target.value))}
        />
      </label>
      <p>
        At c = {c.toFixed(1)}, PUCT picks{' '}
        <code data-testid="lesson-pick" data-node-id={picked.id}>
          {picked.text}
        </code>{' '}
        (P {picked.prior.toFixed(2)}, N {picked.visits}).
      </p>
      <ScoreTable tree={tree} parentId={root.id} nodeId={picked.id} selection="puct" c={c} strategy="mcts" />
      <p className="lesson__muted">
        This search runs with c = {search?.config.c}; set c in the strategy panel to search with another.
      </p>
    </>
  );
}

export const PRIORS_BEHAVIOUR = {
  priors: {
    // Between simulations, so that the scores shown are the ones the next selection will read.
    enter: (store) => stepPhasesTo(store, 'select'),
    Body: Priors,
  },
} satisfies Record<string, LessonStepBehaviour>;
