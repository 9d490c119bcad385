import type { ReactNode } from 'react';
import { MCTS_VARIANTS } from '../../core/strategies/strategy';
import type { Setup, SetupField } from '../../state/setup';
import { GRAPH_EXPLAIN, SOLVER_CAVEAT, SOLVER_EXPLAIN, VARIANT_EXPLAIN } from './strategy-settings';

const VARIANT_LABELS = {
  children: 'Children',
  alphazero: 'AlphaZero',
  x1: 'x1',
} as const;

interface MctsOptionsProps {
  readonly setup: Setup;
  readonly setField: <F extends SetupField>(field: F, value: Setup[F]) => void;
  readonly errorLine: (field: SetupField) => ReactNode;
}

/**
 * The MCTS variant and MCTS-Solver, for the strategies that grow a tree by simulations (MCTS and
 * Gumbel): each with a line saying what it changes.
 */
export function MctsOptions({ setup, setField, errorLine }: MctsOptionsProps) {
  const chooseVariant = (value: string) => {
    const found = MCTS_VARIANTS.find((v) => v === value);
    if (found) setField('variant', found);
  };
  return (
    <>
      <div className="panel__field">
        <label className="panel__label" htmlFor="strategy-variant">
          MCTS variant
        </label>
        <select
          id="strategy-variant"
          className="panel__input"
          data-testid="select-variant"
          value={setup.variant}
          aria-describedby="explain-variant"
          onChange={(e) => chooseVariant(e.target.value)}
        >
          {MCTS_VARIANTS.map((v) => (
            <option key={v} value={v}>
              {VARIANT_LABELS[v]}
            </option>
          ))}
        </select>
        <span className="panel__explain" id="explain-variant" data-testid="explain-variant">
          {VARIANT_EXPLAIN[setup.variant]}
        </span>
        {errorLine('variant')}
      </div>
      <div className="panel__field">
        <label className="panel__check" title={SOLVER_CAVEAT}>
          <input
            type="checkbox"
            data-testid="input-solver"
            checked={setup.solver === 'on'}
            aria-describedby="explain-solver"
            onChange={(e) => setField('solver', e.target.checked ? 'on' : 'off')}
          />
          MCTS-Solver (skip proven-failed nodes)
        </label>
        <span className="panel__explain" id="explain-solver" data-testid="explain-solver">
          {SOLVER_EXPLAIN}
        </span>
        {errorLine('solver')}
      </div>
      <div className="panel__field">
        <label className="panel__check">
          <input
            type="checkbox"
            data-testid="input-graph"
            checked={setup.graph === 'on'}
            aria-describedby="explain-graph"
            onChange={(e) => setField('graph', e.target.checked ? 'on' : 'off')}
          />
          Graph of states (merge transpositions)
        </label>
        <span className="panel__explain" id="explain-graph" data-testid="explain-graph">
          {GRAPH_EXPLAIN}
        </span>
        {errorLine('graph')}
      </div>
    </>
  );
}
