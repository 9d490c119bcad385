import { STRATEGY_NAMES, type StrategyName } from '../../core/strategies/strategy';
import { BACKEND_SETTINGS, type BackendSetting, type SetupField } from '../../state/setup';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { STRATEGY_LABELS } from '../strategy-labels';
import './panels.css';

const BACKEND_LABELS: Record<BackendSetting, string> = { auto: 'Auto', webgpu: 'WebGPU', wasm: 'WASM' };

const SELECTIONS = ['puct', 'uct'] as const;

type NumericField = Extract<SetupField, 'sims' | 'c' | 'k' | 'temperature' | 'seed'>;

interface NumericSpec {
  readonly field: NumericField;
  readonly testId: string;
  readonly decimal: boolean;
  /** The field's label under a strategy; null where the strategy does not use it. */
  readonly label: (strategy: StrategyName) => string | null;
}

/** The same setup field means different things per strategy (see SearchConfig.simulations). */
const NUMERIC_FIELDS: readonly NumericSpec[] = [
  {
    field: 'sims',
    testId: 'input-sims',
    decimal: false,
    label: (s) => ({ mcts: 'Simulations', bon: 'N chains', beam: 'Beam width', cot: null })[s],
  },
  { field: 'c', testId: 'input-c', decimal: true, label: (s) => (s === 'mcts' ? 'c (exploration)' : null) },
  {
    field: 'k',
    testId: 'input-k',
    decimal: false,
    label: (s) =>
      s === 'mcts' ? 'k children per expansion' : s === 'beam' ? 'k children per beam node' : null,
  },
  {
    field: 'temperature',
    testId: 'input-temperature',
    decimal: true,
    // The chain decodes greedily, so a temperature would do nothing there.
    label: (s) => (s === 'cot' ? null : 'Temperature'),
  },
  { field: 'seed', testId: 'input-seed', decimal: false, label: () => 'Seed' },
];

const selectSetup = (s: PlaygroundState) => s.setup;
const selectSetupErrors = (s: PlaygroundState) => s.setupErrors;
const selectUrlErrors = (s: PlaygroundState) => s.urlErrors;
const selectSetField = (s: PlaygroundState) => s.setField;
const selectBackendInUse = (s: PlaygroundState) => s.backend;

/**
 * The search strategy and its parameters. Each edit goes to the store as typed (it validates and
 * resets the search); fields the strategy ignores are hidden unless they hold an error, since an
 * error anywhere keeps the search from starting.
 */
export function StrategyPanel() {
  const setup = usePlayground(selectSetup);
  const setupErrors = usePlayground(selectSetupErrors);
  const urlErrors = usePlayground(selectUrlErrors);
  const setField = usePlayground(selectSetField);
  const backendInUse = usePlayground(selectBackendInUse);
  const strategy = setup.strategy;
  const errorOf = (field: SetupField) => setupErrors[field] ?? urlErrors[field];

  // Narrowing by lookup keeps <select> values typed without a cast.
  const chooseStrategy = (value: string) => {
    const found = STRATEGY_NAMES.find((n) => n === value);
    if (found) setField('strategy', found);
  };
  const chooseSelection = (value: string) => {
    const found = SELECTIONS.find((n) => n === value);
    if (found) setField('selection', found);
  };
  const chooseBackend = (value: string) => {
    const found = BACKEND_SETTINGS.find((n) => n === value);
    if (found) setField('backend', found);
  };

  const errorLine = (field: SetupField) => {
    const message = errorOf(field);
    return message ? (
      <span className="panel__error" id={`error-${field}`} data-testid={`error-${field}`}>
        {message}
      </span>
    ) : null;
  };

  return (
    <section className="panel" aria-labelledby="strategy-panel-title">
      <h2 className="panel__title" id="strategy-panel-title">
        Strategy
      </h2>

      <div className="panel__field">
        <label className="panel__label" htmlFor="strategy-strategy">
          Strategy
        </label>
        <select
          id="strategy-strategy"
          className="panel__input"
          data-testid="select-strategy"
          value={strategy}
          onChange={(e) => chooseStrategy(e.target.value)}
        >
          {STRATEGY_NAMES.map((n) => (
            <option key={n} value={n}>
              {STRATEGY_LABELS[n]}
            </option>
          ))}
        </select>
        {errorLine('strategy')}
      </div>

      {NUMERIC_FIELDS.map((spec) => {
        const label = spec.label(strategy);
        const error = errorOf(spec.field);
        if (label === null && error === undefined) return null;
        const id = `strategy-${spec.field}`;
        return (
          <div className="panel__field" key={spec.field}>
            <label className="panel__label" htmlFor={id}>
              {label ?? `${spec.field} (unused by ${STRATEGY_LABELS[strategy]})`}
            </label>
            <input
              id={id}
              className="panel__input panel__input--short"
              data-testid={spec.testId}
              type="text"
              inputMode={spec.decimal ? 'decimal' : 'numeric'}
              autoComplete="off"
              value={setup[spec.field]}
              aria-invalid={error !== undefined}
              aria-describedby={error ? `error-${spec.field}` : undefined}
              onChange={(e) => setField(spec.field, e.target.value)}
            />
            {errorLine(spec.field)}
          </div>
        );
      })}

      {(strategy === 'mcts' || errorOf('selection')) && (
        <div className="panel__field">
          <label className="panel__label" htmlFor="strategy-selection">
            Selection
          </label>
          <select
            id="strategy-selection"
            className="panel__input panel__input--short"
            data-testid="select-selection"
            value={setup.selection}
            onChange={(e) => chooseSelection(e.target.value)}
          >
            <option value="puct">PUCT</option>
            <option value="uct">UCT</option>
          </select>
          {errorLine('selection')}
        </div>
      )}

      <div className="panel__field">
        <label className="panel__check">
          <input
            type="checkbox"
            data-testid="input-stop"
            checked={setup.stop === 'solved'}
            onChange={(e) => setField('stop', e.target.checked ? 'solved' : 'budget')}
          />
          Stop at the first verified solution
        </label>
        {errorLine('stop')}
      </div>

      <div className="panel__field">
        <label className="panel__label" htmlFor="strategy-backend">
          Backend
        </label>
        <select
          id="strategy-backend"
          className="panel__input panel__input--short"
          data-testid="select-backend"
          value={setup.backend}
          onChange={(e) => chooseBackend(e.target.value)}
        >
          {BACKEND_SETTINGS.map((b) => (
            <option key={b} value={b}>
              {BACKEND_LABELS[b]}
            </option>
          ))}
        </select>
        {backendInUse && <span className="panel__hint">in use: {BACKEND_LABELS[backendInUse]}</span>}
        {errorLine('backend')}
      </div>

      <div className="panel__field">
        <label
          className="panel__check"
          title="Keep the models' keys and values of every context seen: a child's step starts where its parent's left off"
        >
          <input
            type="checkbox"
            data-testid="input-cache"
            checked={setup.cache === 'on'}
            onChange={(e) => setField('cache', e.target.checked ? 'on' : 'off')}
          />
          Prefix cache (reuse what the models computed)
        </label>
        {errorLine('cache')}
      </div>

      <p className="panel__hint">Changing any of these starts the search over.</p>
    </section>
  );
}
