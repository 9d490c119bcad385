import { refines, STRATEGY_NAMES } from '../../core/strategies/strategy';
import { BACKEND_SETTINGS, type BackendSetting, type SetupField } from '../../state/setup';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { STRATEGY_LABELS } from '../strategy-labels';
import { MctsOptions } from './MctsOptions';
import { RefineOption } from './RefineOption';
import { SettingSlider } from './SettingSlider';
import { isMctsLike, SELECTION_EXPLAIN, SETTINGS, STOP_EXPLAIN, STRATEGY_EXPLAIN } from './strategy-settings';
import './panels.css';

const BACKEND_LABELS: Record<BackendSetting, string> = { auto: 'Auto', webgpu: 'WebGPU', wasm: 'WASM' };

const SELECTIONS = ['puct', 'uct'] as const;
const STOPS = [
  { value: 'solved', label: 'At the first verified solution' },
  { value: 'budget', label: 'After the whole budget' },
] as const;

const selectSetup = (s: PlaygroundState) => s.setup;
const selectSetupErrors = (s: PlaygroundState) => s.setupErrors;
const selectUrlErrors = (s: PlaygroundState) => s.urlErrors;
const selectSetField = (s: PlaygroundState) => s.setField;
const selectBackendInUse = (s: PlaygroundState) => s.backend;

/**
 * The search strategy and its parameters, each with a one-line account of what it does here. Each
 * edit goes to the store as typed (it validates and resets the search); fields the strategy ignores
 * are hidden unless they hold an error, since an error anywhere keeps the search from starting.
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
  const chooseStop = (value: string) => {
    const found = STOPS.find((s) => s.value === value);
    if (found) setField('stop', found.value);
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

  const numeric = (field: (typeof SETTINGS)[number]['field']) => {
    const spec = SETTINGS.find((s) => s.field === field);
    if (!spec) return null;
    const label = spec.label(strategy, setup.refine === 'on');
    const error = errorOf(spec.field);
    if (label === null && error === undefined) return null;
    return (
      <SettingSlider
        key={spec.field}
        spec={spec}
        label={label ?? `${spec.field} (unused by ${STRATEGY_LABELS[strategy]})`}
        explain={spec.explain(strategy, setup.selection)}
        value={setup[spec.field]}
        error={error}
        onChange={(text) => setField(spec.field, text)}
      />
    );
  };

  return (
    <section className="panel" aria-labelledby="strategy-panel-title" data-testid="strategy-panel">
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
          aria-describedby="explain-strategy"
          onChange={(e) => chooseStrategy(e.target.value)}
        >
          {STRATEGY_NAMES.map((n) => (
            <option key={n} value={n}>
              {STRATEGY_LABELS[n]}
            </option>
          ))}
        </select>
        <span className="panel__explain" id="explain-strategy" data-testid="explain-strategy">
          {STRATEGY_EXPLAIN[strategy]}
        </span>
        {errorLine('strategy')}
      </div>

      {numeric('sims')}

      {(isMctsLike(strategy) || errorOf('variant') || errorOf('solver')) && (
        <MctsOptions setup={setup} setField={setField} errorLine={errorLine} />
      )}

      {((isMctsLike(strategy) && setup.variant !== 'x1') || errorOf('selection')) && (
        <div className="panel__field">
          <label className="panel__label" htmlFor="strategy-selection">
            Selection
          </label>
          <select
            id="strategy-selection"
            className="panel__input"
            data-testid="select-selection"
            value={setup.selection}
            aria-describedby="explain-selection"
            onChange={(e) => chooseSelection(e.target.value)}
          >
            <option value="puct">PUCT (AlphaZero)</option>
            <option value="uct">UCT (UCB1 on trees)</option>
          </select>
          <span className="panel__explain" id="explain-selection" data-testid="explain-selection">
            {SELECTION_EXPLAIN[setup.selection]}
          </span>
          {errorLine('selection')}
        </div>
      )}

      {setup.variant !== 'x1' || !isMctsLike(strategy) ? numeric('c') : null}
      {numeric('k')}
      {(refines(strategy) || errorOf('refine')) && (
        <RefineOption setup={setup} setField={setField} errorLine={errorLine} />
      )}
      {numeric('threshold')}
      {numeric('temperature')}
      {numeric('parallel')}

      {strategy !== 'cot' && (
        <div className="panel__field">
          <label className="panel__label" htmlFor="strategy-stop">
            Stop
          </label>
          <select
            id="strategy-stop"
            className="panel__input"
            data-testid="input-stop"
            value={setup.stop}
            aria-describedby="explain-stop"
            onChange={(e) => chooseStop(e.target.value)}
          >
            {STOPS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <span className="panel__explain" id="explain-stop" data-testid="explain-stop">
            {STOP_EXPLAIN[setup.stop]}
          </span>
          {errorLine('stop')}
        </div>
      )}

      {numeric('seed')}

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
        {backendInUse && (
          <span className="panel__hint">
            in use: {backendInUse === 'server' ? 'a server engine' : BACKEND_LABELS[backendInUse]}
          </span>
        )}
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
