import { useEffect, useState } from 'react';
import { bestChild } from '../../../core/strategies/selection';
import { getNode, liveChildren } from '../../../core/tree';
import { TOT_BATCH } from '../../../state/lesson-batches';
import { raceSelections, type SelectionOutcome } from '../../../state/lesson-experiments';
import { stepPhasesTo } from '../../../state/lesson-driver';
import { ScoreTable } from '../../inspector/ScoreTable';
import { usePlayground, usePlaygroundStore } from '../../store-context';
import type { LessonStepBehaviour } from '../lesson-step';
import { useLessonView } from '../use-lesson-view';

type Rule = 'puct' | 'uct';

type Race = {
  readonly state: 'idle' | 'running' | 'done';
  readonly outcomes: readonly SelectionOutcome[];
  readonly error?: string;
};

/** Both rules scored on the live root (the engine's own selection code), and a race of the two. */
function PuctVsUct() {
  const { tree, search, select } = useLessonView();
  const store = usePlaygroundStore();
  const setup = usePlayground((s) => s.setup);
  const [rule, setRule] = useState<Rule>('uct');
  const [race, setRace] = useState<Race>({ state: 'idle', outcomes: [] });
  const c = search?.config.c ?? 1;
  const budget = search?.config.simulations ?? 32;
  const root = tree ? getNode(tree, tree.rootId) : null;
  const kids = tree && root ? liveChildren(tree, root) : [];
  const picks = {
    puct: root ? bestChild('puct', root, kids, c) : undefined,
    uct: root ? bestChild('uct', root, kids, c) : undefined,
  };
  const shownId = picks[rule]?.id ?? null;

  useEffect(() => {
    if (shownId) select(shownId);
  }, [shownId, select, tree]);

  const start = async () => {
    const models = store.getState().sessionModels();
    if (!models) return setRace({ state: 'done', outcomes: [], error: 'the models are not loaded' });
    setRace({ state: 'running', outcomes: [] });
    try {
      await raceSelections(setup, models, TOT_BATCH, budget, (o) =>
        setRace((r) => ({ ...r, outcomes: [...r.outcomes, o] })),
      );
      setRace((r) => ({ ...r, state: 'done' }));
    } catch (e) {
      setRace((r) => ({ ...r, state: 'done', error: e instanceof Error ? e.message : String(e) }));
    }
  };

  if (!tree || !root || !search) return <p>The root has no children yet.</p>;
  return (
    <>
      <div className="lesson__formula">
        <div>
          UCT: Q(s,a) + c · √(ln N(s) / N(s,a)){' '}
          <span className="lesson__muted">— unvisited children first</span>
        </div>
        <div>PUCT: Q(s,a) + c · P(s,a) · √N(s) / (1 + N(s,a))</div>
      </div>
      <p>
        <strong>UCT</strong> (Kocsis &amp; Szepesvári, 2006) is the UCB1 bandit rule applied at every node of
        the tree: no prior, a bonus that depends on visit counts alone. <strong>PUCT</strong> (AlphaGo Zero,
        AlphaZero) multiplies the bonus by the policy&apos;s prior P, so the search tries likely steps first
        and can leave unlikely ones alone. This engine runs PUCT by default and UCT with{' '}
        <code>selection=uct</code>, with the same c; this search uses <code>{search.config.selection}</code>.
        Every child here is evaluated when it is created (N ≥ 1), so UCT&apos;s &quot;unvisited first&quot;
        never comes into play.
      </p>
      <p>
        On the live root now, PUCT picks{' '}
        <code data-testid="lesson-pick-puct" data-node-id={picks.puct?.id}>
          {picks.puct?.text}
        </code>{' '}
        and UCT picks{' '}
        <code data-testid="lesson-pick-uct" data-node-id={picks.uct?.id}>
          {picks.uct?.text}
        </code>
        . Score the root&apos;s children by:{' '}
        {(['puct', 'uct'] as const).map((r) => (
          <button
            key={r}
            type="button"
            data-testid={`btn-lesson-rule-${r}`}
            aria-pressed={rule === r}
            onClick={() => setRule(r)}
          >
            {r.toUpperCase()}
          </button>
        ))}
      </p>
      <ScoreTable
        tree={tree}
        parentId={root.id}
        nodeId={shownId ?? root.id}
        selection={rule}
        c={c}
        strategy="mcts"
      />
      <p>
        The two rules on the {TOT_BATCH.length} Tree of Thoughts puzzles of the test-time compute step, with
        the same seed and models, each puzzle searched to its first solution (at most {budget} simulations):{' '}
        <button
          type="button"
          data-testid="btn-lesson-selection-race"
          disabled={race.state === 'running'}
          onClick={() => void start()}
        >
          {race.state === 'running' ? `Searching (${race.outcomes.length} / 2)…` : 'Race PUCT and UCT'}
        </button>
      </p>
      {race.error && <p className="lesson__error">{race.error}</p>}
      <table className="lesson__table" data-testid="lesson-selection-race" data-state={race.state}>
        <thead>
          <tr>
            <th>rule</th>
            <th>solved</th>
            <th>simulations</th>
            <th>tokens</th>
          </tr>
        </thead>
        <tbody>
          {race.outcomes.map((o) => (
            <tr
              key={o.selection}
              data-testid="lesson-selection-row"
              data-selection={o.selection}
              data-solved={o.solved}
              data-simulations={o.simulations}
              data-tokens={o.generatedTokens}
            >
              <td>{o.selection.toUpperCase()}</td>
              <td>
                {o.solved} / {o.total}
              </td>
              <td>{o.simulations}</td>
              <td>{o.generatedTokens}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const SELECTION_BEHAVIOUR = {
  'puct-uct': {
    // Between simulations, so that both rules score the numbers the next selection will read.
    enter: (store) => stepPhasesTo(store, 'select'),
    Body: PuctVsUct,
  },
} satisfies Record<string, LessonStepBehaviour>;
