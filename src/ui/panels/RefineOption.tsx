import type { ReactNode } from 'react';
import type { Setup, SetupField } from '../../state/setup';
import { REFINE_CAVEAT, REFINE_EXPLAIN } from './strategy-settings';

interface RefineOptionProps {
  readonly setup: Setup;
  readonly setField: <F extends SetupField>(field: F, value: Setup[F]) => void;
  readonly errorLine: (field: SetupField) => ReactNode;
}

/** The Refine operator's switch, for the strategies that apply it (the chain, MCTS and Gumbel). */
export function RefineOption({ setup, setField, errorLine }: RefineOptionProps) {
  return (
    <div className="panel__field">
      <label className="panel__check" title={REFINE_CAVEAT}>
        <input
          type="checkbox"
          data-testid="input-refine"
          checked={setup.refine === 'on'}
          aria-describedby="explain-refine"
          onChange={(e) => setField('refine', e.target.checked ? 'on' : 'off')}
        />
        Refine failed steps (critique, then rewrite)
      </label>
      <span className="panel__explain" id="explain-refine" data-testid="explain-refine">
        {REFINE_EXPLAIN}
      </span>
      {errorLine('refine')}
    </div>
  );
}
