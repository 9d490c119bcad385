import { useState } from 'react';
import { depthTrace, type DepthRow } from '../../../state/lesson-experiments';
import { usePlayground, usePlaygroundStore } from '../../store-context';
import type { LessonStepBehaviour } from '../lesson-step';

/** Enough simulations to see depth 3 reached on the lesson's puzzle, and few enough to be instant. */
const TRACE_SIMULATIONS = 8;

type Trace = {
  readonly state: 'idle' | 'running' | 'done';
  readonly rows: readonly DepthRow[];
  readonly error?: string;
};

/**
 * Why the test-time compute curve is 0 at 1 and 2 simulations: a four-number solution is three
 * steps deep and each simulation expands one leaf (core/strategies/mcts.ts, expand), so the tree
 * is at most s steps deep after s simulations. The trace runs the lesson's puzzle afresh.
 */
function Depth() {
  const store = usePlaygroundStore();
  const setup = usePlayground((s) => s.setup);
  const [trace, setTrace] = useState<Trace>({ state: 'idle', rows: [] });
  const steps = setup.task === 'countdown' ? setup.numbers.split(',').length - 1 : null;

  const start = async () => {
    const models = store.getState().sessionModels();
    if (!models) return setTrace({ state: 'done', rows: [], error: 'the models are not loaded' });
    setTrace({ state: 'running', rows: [] });
    try {
      const rows = await depthTrace(setup, models, TRACE_SIMULATIONS);
      setTrace({ state: 'done', rows });
    } catch (e) {
      setTrace({ state: 'done', rows: [], error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <>
      <p>
        The curve is 0 at 1 and 2 simulations whatever the models. Each step combines two numbers, so a
        solution of a four-number puzzle is <strong>three steps</strong> deep. Each simulation expands{' '}
        <strong>one</strong> leaf, adding children one step below it, so after s simulations no node is deeper
        than s: the first moment a solution can exist is the third simulation&apos;s expansion, and only if
        the second and third simulations both went down the same line.
      </p>
      <p>
        Watch it on this puzzle{steps !== null ? ` (${steps} steps to a solution)` : ''}, searched afresh one
        simulation at a time:{' '}
        <button
          type="button"
          data-testid="btn-lesson-depth"
          disabled={trace.state === 'running'}
          onClick={() => void start()}
        >
          {trace.state === 'running' ? 'Searching…' : 'Trace the first simulations'}
        </button>
      </p>
      {trace.error && <p className="lesson__error">{trace.error}</p>}
      <table className="lesson__table" data-testid="lesson-depth" data-state={trace.state}>
        <thead>
          <tr>
            <th>simulation</th>
            <th>deepest step</th>
            <th>depth</th>
            <th>solved?</th>
          </tr>
        </thead>
        <tbody>
          {trace.rows.map((r) => (
            <tr
              key={r.simulation}
              data-testid="lesson-depth-row"
              data-simulation={r.simulation}
              data-depth={r.deepest}
              data-solved={r.solved}
            >
              <td>{r.simulation}</td>
              <td>
                <code>{r.deepestStep || 'root'}</code>
              </td>
              <td>{r.deepest}</td>
              <td>{r.solved ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lesson__muted">
        A five-number puzzle needs at least four simulations, n numbers at least n − 1. Budgets below that are
        spent on width, never on an answer.
      </p>
    </>
  );
}

export const DEPTH_BEHAVIOUR = {
  depth: {
    Body: Depth,
  },
} satisfies Record<string, LessonStepBehaviour>;
