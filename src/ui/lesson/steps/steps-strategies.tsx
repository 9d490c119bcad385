import { useState } from 'react';
import { CLASSIC_STRATEGIES } from '../../../core/strategies/strategy';
import { firstSolvedNode } from '../../../core/tree';
import { compareQuery } from '../../../state/compare';
import { raceStrategies, type StrategyOutcome } from '../../../state/lesson-batches';
import { runToEnd } from '../../../state/lesson-driver';
import { usePlayground, usePlaygroundStore } from '../../store-context';
import { STRATEGY_LABELS } from '../../strategy-labels';
import type { LessonStepBehaviour } from '../lesson-step';
import { useLessonView } from '../use-lesson-view';

function RunToEnd() {
  const { search, tree } = useLessonView();
  const solved = tree ? firstSolvedNode(tree) : undefined;
  const result = search?.result;
  return (
    <>
      <p>
        Now the search runs on by itself, simulation after simulation, until its budget of{' '}
        {search?.config.simulations} simulations is spent: the lesson keeps it going past the first solution,
        so that the tree shows more of what was tried.
      </p>
      {result ? (
        <p data-testid="lesson-run-result" data-solved={result.solved}>
          {result.solved ? 'Solved' : 'Not solved'} in {result.iterations} simulations and{' '}
          {result.generatedTokens} generated tokens
          {solved ? (
            <>
              : <code>{result.steps.join(' → ')}</code>
            </>
          ) : null}
          .
        </p>
      ) : (
        <p className="lesson__muted">Searching…</p>
      )}
    </>
  );
}

type Race = {
  readonly state: 'idle' | 'running' | 'done';
  readonly outcomes: readonly StrategyOutcome[];
  readonly error?: string;
};

/** The four strategies on this puzzle, run in the background on the page's models. */
function Strategies() {
  const store = usePlaygroundStore();
  const setup = usePlayground((s) => s.setup);
  const [race, setRace] = useState<Race>({ state: 'idle', outcomes: [] });

  const start = async () => {
    const models = store.getState().sessionModels();
    if (!models) return setRace({ state: 'done', outcomes: [], error: 'the models are not loaded' });
    setRace({ state: 'running', outcomes: [] });
    try {
      await raceStrategies(setup, models, CLASSIC_STRATEGIES, (o) =>
        setRace((r) => ({ ...r, outcomes: [...r.outcomes, o] })),
      );
      setRace((r) => ({ ...r, state: 'done' }));
    } catch (e) {
      setRace((r) => ({ ...r, state: 'done', error: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <>
      <p>
        The same puzzle, seed and models under the four strategies: a greedy <em>chain</em> (one sample per
        step), <em>best-of-N</em> (N whole chains, keep a verified one), <em>beam</em> search (keep the best
        few partial solutions by value at each depth) and <em>MCTS</em>. Watch what each one pays in generated
        tokens for what it finds.
      </p>
      <button
        type="button"
        data-testid="btn-lesson-race"
        disabled={race.state === 'running'}
        onClick={() => void start()}
      >
        {race.state === 'running'
          ? `Running (${race.outcomes.length} / ${CLASSIC_STRATEGIES.length})…`
          : 'Run all four'}
      </button>
      {race.error && <p className="lesson__error">{race.error}</p>}
      <table className="lesson__table" data-testid="lesson-race" data-state={race.state}>
        <thead>
          <tr>
            <th>strategy</th>
            <th>answer</th>
            <th>tokens</th>
            <th>nodes</th>
          </tr>
        </thead>
        <tbody>
          {race.outcomes.map((o) => (
            <tr
              key={o.strategy}
              data-testid="lesson-race-row"
              data-strategy={o.strategy}
              data-solved={o.solved}
            >
              <td>{STRATEGY_LABELS[o.strategy]}</td>
              <td>{o.solved ? `✓ ${o.answer}` : `✗ ${o.answer || 'none'}`}</td>
              <td>{o.generatedTokens}</td>
              <td>{o.nodes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        To watch two of them grow side by side:{' '}
        <a href={`?${compareQuery(setup, ['mcts', 'cot'])}`} data-testid="lesson-compare-link">
          open the compare view (MCTS vs chain)
        </a>
        .
      </p>
    </>
  );
}

export const RUN_BEHAVIOUR = {
  run: {
    enter: runToEnd,
    Body: RunToEnd,
  },
} satisfies Record<string, LessonStepBehaviour>;

export const STRATEGY_BEHAVIOUR = {
  strategies: {
    Body: Strategies,
  },
} satisfies Record<string, LessonStepBehaviour>;
