import { useState } from 'react';
import { raceToolbox, TOOLBOX_ENTRIES, type ToolboxOutcome } from '../../../state/lesson-toolbox';
import { usePlayground, usePlaygroundStore } from '../../store-context';
import type { LessonStepBehaviour } from '../lesson-step';

type Race = {
  readonly state: 'idle' | 'running' | 'done';
  readonly outcomes: readonly ToolboxOutcome[];
  readonly error?: string;
};

/** The lesson's puzzle under the toolbox's strategies and variants, run in the background. */
function Toolbox() {
  const store = usePlaygroundStore();
  const setup = usePlayground((s) => s.setup);
  const [race, setRace] = useState<Race>({ state: 'idle', outcomes: [] });

  const start = async () => {
    const models = store.getState().sessionModels();
    if (!models) return setRace({ state: 'done', outcomes: [], error: 'the models are not loaded' });
    setRace({ state: 'running', outcomes: [] });
    try {
      await raceToolbox(setup, models, (o) => setRace((r) => ({ ...r, outcomes: [...r.outcomes, o] })));
      setRace((r) => ({ ...r, state: 'done' }));
    } catch (e) {
      setRace((r) => ({ ...r, state: 'done', error: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <>
      <p>
        The Blueprint builds every scheme from a few operators. <em>BFS</em> (Tree of Thoughts) keeps the b
        best states per depth and <strong>prunes</strong> the rest; <em>DFS</em> goes down the best child and{' '}
        <strong>backtracks</strong> when nothing above the value threshold is left; <em>DVTS</em> splits the
        budget into independent subtrees; <em>Gumbel</em> draws the root&apos;s steps and halves them. MCTS
        itself comes in variants: AlphaZero evaluates the selected leaf and lets its children wait at N = 0;
        x1 uses MuZero&apos;s constants without a prior and a discounted backup; <em>MCTS-Solver</em> marks a
        node whose sampled children all failed and never selects it again.
      </p>
      <button
        type="button"
        data-testid="btn-lesson-toolbox"
        disabled={race.state === 'running'}
        onClick={() => void start()}
      >
        {race.state === 'running'
          ? `Running (${race.outcomes.length} / ${TOOLBOX_ENTRIES.length})…`
          : `Run all ${TOOLBOX_ENTRIES.length}`}
      </button>
      {race.error && <p className="lesson__error">{race.error}</p>}
      <table className="lesson__table" data-testid="lesson-toolbox" data-state={race.state}>
        <thead>
          <tr>
            <th>search</th>
            <th>solved</th>
            <th>tokens</th>
            <th title="selections that ended on a node already known to have failed">wasted</th>
            <th title="prunes, backtracks and solver proofs the run emitted">operators</th>
          </tr>
        </thead>
        <tbody>
          {race.outcomes.map((o) => (
            <tr key={o.id} data-testid="lesson-toolbox-row" data-id={o.id} data-solved={o.solved}>
              <td>{o.label}</td>
              <td>{o.solved ? '✓' : '✗'}</td>
              <td>{o.generatedTokens}</td>
              <td>{o.wastedSimulations}</td>
              <td>{operators(o)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lesson__muted">
        Where this engine differs from the papers: a solver&apos;s proof covers the k steps sampled, not every
        legal step; Gumbel keeps PUCT below the root; x1 ends its search when selection reaches a terminal,
        here the simulation counts as wasted and the search goes on. Refine (Strategy panel, for the chain,
        MCTS and Gumbel) puts a rejected or low-valued step back to the policy after a fixed critique that
        quotes the verifier&apos;s reason, where Self-Refine has the model write its own critique; it is meant
        for instruct models such as the math task&apos;s hub models.
      </p>
    </>
  );
}

function operators(o: ToolboxOutcome): string {
  const parts = [
    o.prunes > 0 ? `${o.prunes} pruned` : '',
    o.backtracks > 0 ? `${o.backtracks} backtracks` : '',
    o.proofs > 0 ? `${o.proofs} proofs` : '',
  ].filter((p) => p !== '');
  return parts.join(', ') || '—';
}

export const TOOLBOX_BEHAVIOUR = {
  toolbox: {
    Body: Toolbox,
  },
} satisfies Record<string, LessonStepBehaviour>;
