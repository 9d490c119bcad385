import { useSyncExternalStore } from 'react';
import { STRATEGY_NAMES, type StrategyName } from '../../core/strategies/strategy';
import { compareQuery, playgroundQuery, type ComparePair, type CompareValues } from '../../state/compare';
import type { Setup } from '../../state/setup';
import type { PlaygroundStore } from '../../state/store';
import { StoreProvider } from '../store-context';
import { STRATEGY_LABELS } from '../strategy-labels';
import { CompareColumn } from './CompareColumn';
import '../app.css';
import './compare.css';

export interface CompareAppProps {
  readonly query: string;
  readonly pair: ComparePair;
  /** The value model a column names (`compare=mcts:prm,mcts:orm`), else the setup's. */
  readonly values: CompareValues;
  /** One store per column, in the order of `pair`. */
  readonly stores: readonly [PlaygroundStore, PlaygroundStore];
  /** Stops both columns' model requests at once (a column's own reset leaves the other's alone). */
  readonly cancelAll: () => void;
}

function problemText(setup: Setup): string {
  if (setup.task === 'countdown') return `reach ${setup.target} with ${setup.numbers.split(',').join(', ')}`;
  return setup.problem === 'custom' ? setup.question : `math problem ${setup.problem}`;
}

/** Whether either column can run, and whether either is running; one string keeps renders few. */
function useBothState(stores: CompareAppProps['stores']): { ready: boolean; running: boolean } {
  const snapshot = useSyncExternalStore(
    (notify) => {
      const off = stores.map((s) => s.subscribe(notify));
      return () => off.forEach((f) => f());
    },
    () => {
      const states = stores.map((s) => s.getState());
      const ready = states.some((st) => st.search !== null && !st.search.done);
      const running = states.some((st) => st.running || st.busy);
      return `${ready ? 1 : 0}${running ? 1 : 0}`;
    },
  );
  return { ready: snapshot[0] === '1', running: snapshot[1] === '1' };
}

/** Two strategies side by side on the same problem, seed and models (`?compare=a,b`). */
export function CompareApp({ query, pair, values, stores, cancelAll }: CompareAppProps) {
  const setup = stores[0].getState().setup;
  const { ready, running } = useBothState(stores);
  const go = (next: ComparePair) => window.location.assign(`?${compareQuery(setup, next, values)}`);
  const choose = (side: 0 | 1, name: StrategyName) => go(side === 0 ? [name, pair[1]] : [pair[0], name]);
  return (
    <div className="compare" data-testid="compare-view">
      <header className="compare__bar">
        <h1>Compare</h1>
        <span className="compare__problem" data-testid="compare-problem">
          {problemText(setup)} · seed {setup.seed}
        </span>
        {([0, 1] as const).map((side) => (
          <label key={side} className="compare__pick">
            {side === 0 ? 'left' : 'right'}
            <select
              data-testid={side === 0 ? 'compare-left' : 'compare-right'}
              value={pair[side]}
              onChange={(e) => choose(side, e.target.value as StrategyName)}
            >
              {STRATEGY_NAMES.map((n) => (
                <option key={n} value={n}>
                  {STRATEGY_LABELS[n]}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button
          type="button"
          data-testid="btn-compare-run"
          disabled={!ready || running}
          onClick={() => void Promise.all(stores.map((s) => s.getState().run()))}
        >
          Run both
        </button>
        <button
          type="button"
          data-testid="btn-compare-reset"
          onClick={() => {
            cancelAll();
            stores.forEach((s) => s.getState().reset());
          }}
        >
          Reset both
        </button>
        <a className="compare__back" data-testid="btn-compare-back" href={`?${playgroundQuery(query)}`}>
          Back to the playground
        </a>
      </header>
      <div className="compare__columns">
        {stores.map((store, i) => (
          <StoreProvider key={i} store={store}>
            <CompareColumn />
          </StoreProvider>
        ))}
      </div>
    </div>
  );
}
