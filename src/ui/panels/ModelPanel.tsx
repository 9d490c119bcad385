import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CATALOGUE, catalogueEntry, displayDtype, fitsDevice } from '../../state/catalogue';
import type { SetupField, TaskName } from '../../state/setup';
import type { ValueChoice } from '../../state/setup-validate';
import { learnedModelLabel } from '../../state/learn/learned-model-label';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { DtypeOption } from './DtypeOption';
import { EngineOptions } from './EngineOptions';
import { ModelSizes, sizeText } from './ModelSizes';
import './panels.css';

type ModelField = Extract<SetupField, 'policy' | 'value' | 'hub'>;

const OTHER = 'other';

type ValueOption = { readonly value: string; readonly label: string; readonly help: string };

const VALUE_OPTIONS: Readonly<Record<TaskName, readonly ValueOption[]>> = {
  countdown: [
    {
      value: 'countdown-value',
      label: 'Countdown value model, process-trained (PRM)',
      help: 'a small model trained here on every step: can the target still be reached from here?',
    },
    {
      value: 'countdown-orm',
      label: 'Countdown outcome model (ORM)',
      help: 'the same model trained on final results alone: each step labelled with how its chain ended',
    },
    {
      value: 'rollout',
      label: 'Rollouts of the policy',
      help: 'the policy plays each node out to the end and the verifier scores where it lands',
    },
    {
      value: 'none',
      label: 'None (verifier only)',
      help: 'no estimate: only finished lines are scored, by the verifier',
    },
  ],
  math: [
    {
      value: 'self-eval',
      label: 'Self-evaluation (P(Yes))',
      help: 'the policy is asked whether the steps so far are right; its probability of "Yes" is the value',
    },
    {
      value: 'rollout',
      label: 'Rollouts (known answer or agreement)',
      help: 'the policy finishes the solution; it scores by the known answer, or by agreement between rollouts',
    },
    {
      value: 'none',
      label: 'None',
      help: 'no estimate: only final answers are scored, where the answer is known',
    },
  ],
};

const OTHER_VALUE_HELP = 'a separate value model, loaded beside the policy';

const selectModels = (s: PlaygroundState) => ({
  task: s.setup.task,
  policy: s.setup.policy,
  value: s.setup.value,
  hub: s.setup.hub,
  engine: s.setup.engine,
  dtypeSetting: s.setup.dtype,
  engineModel: s.setup.engineModel,
  backendSetting: s.setup.backend,
  setupErrors: s.setupErrors,
  urlErrors: s.urlErrors,
  backend: s.backend,
  dtype: s.dtype,
  status: s.modelStatus,
  loaded: s.loadedModels,
  loading: s.loadingModels,
  setField: s.setField,
});

/** deviceMemory is Chromium-only (and rounded down to a power of two); elsewhere it is unknown. */
function deviceMemoryGb(): number | undefined {
  if (typeof navigator === 'undefined' || !('deviceMemory' in navigator)) return undefined;
  const gb = navigator.deviceMemory;
  return typeof gb === 'number' ? gb : undefined;
}

function valueName(value: ValueChoice): string {
  return value.kind === 'model' ? (learnedModelLabel(value.id) ?? value.id) : value.kind;
}

/**
 * The policy, the value and where hub models come from. Any change here loads models (a download
 * of hundreds of MB for a hub model), so typed ids apply on blur or Enter rather than on each
 * keystroke; the drafts live here until then.
 */
export function ModelPanel() {
  const m = usePlayground(useShallow(selectModels));
  const [drafts, setDrafts] = useState<Partial<Record<ModelField, string>>>({});
  const [policyOther, setPolicyOther] = useState(false);
  const [valueOther, setValueOther] = useState(false);
  const errorOf = (field: ModelField) => m.setupErrors[field] ?? m.urlErrors[field];
  // A bad hub address must not hide inside a closed disclosure.
  const hubError = errorOf('hub') !== undefined;

  // A forced WASM is certain; otherwise the backend in use, or WASM while nothing has loaded.
  // shader-f16 shows only once a hub model has loaded as q4f16, so until then q4 is assumed.
  const backend = m.backendSetting === 'wasm' || m.backend !== 'webgpu' ? 'wasm' : 'webgpu';
  const f16 = m.dtype === 'q4f16';
  const dtypeOf = (id: string) =>
    displayDtype(id, backend, f16, m.dtypeSetting === 'auto' ? undefined : m.dtypeSetting);

  const policies = CATALOGUE.filter((e) => e.task === m.task && e.role === 'policy');
  // A pair made in the Learn view (learned-<generation>-policy) is named, not typed.
  const learnedPolicy = learnedModelLabel(m.policy);
  const learnedValue = learnedModelLabel(m.value);
  const showPolicyInput = policyOther || (!learnedPolicy && !policies.some((e) => e.id === m.policy));
  const entry = catalogueEntry(m.policy);
  const inUse = dtypeOf(m.policy);
  const inUseMb = entry?.sizesMb[inUse];
  const warning = inUseMb === undefined ? null : fitsDevice(inUseMb, { backend, memoryGb: deviceMemoryGb() });

  const valueOptions = VALUE_OPTIONS[m.task];
  const listedValue = valueOptions.find((o) => o.value === m.value);
  const showValueInput = m.task === 'math' && (valueOther || !listedValue);

  const commit = (field: ModelField) => {
    const draft = drafts[field];
    setDrafts((d) => ({ ...d, [field]: undefined }));
    if (draft !== undefined && draft !== m[field]) m.setField(field, draft);
  };

  const errorLine = (field: ModelField) => {
    const message = errorOf(field);
    return message ? (
      <span className="panel__error" id={`error-${field}`} data-testid={`error-${field}`}>
        {message}
      </span>
    ) : null;
  };

  const draftInput = (field: ModelField, testId: string, placeholder: string, label: string) => (
    <input
      id={`models-${field}-input`}
      className="panel__input"
      data-testid={testId}
      type="text"
      spellCheck={false}
      autoComplete="off"
      placeholder={placeholder}
      aria-label={label}
      value={drafts[field] ?? m[field]}
      aria-invalid={errorOf(field) !== undefined}
      aria-describedby={errorOf(field) ? `error-${field}` : undefined}
      onChange={(e) => setDrafts((d) => ({ ...d, [field]: e.target.value }))}
      onBlur={() => commit(field)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(field);
        if (e.key === 'Escape') setDrafts((d) => ({ ...d, [field]: undefined }));
      }}
    />
  );

  const choosePolicy = (id: string) => {
    setPolicyOther(id === OTHER);
    if (id !== OTHER && id !== m.policy) m.setField('policy', id);
  };
  const chooseValue = (id: string) => {
    setValueOther(id === OTHER);
    if (id !== OTHER && id !== m.value) m.setField('value', id);
  };

  return (
    <section className="panel" aria-labelledby="model-panel-title">
      <h2 className="panel__title" id="model-panel-title">
        Models
      </h2>

      <EngineOptions />

      {/* On a server engine the server's model is the policy (EngineOptions). */}
      {m.engine !== 'openai' && (
        <div className="panel__field">
          <label className="panel__label" htmlFor="models-policy">
            Policy
          </label>
          <select
            id="models-policy"
            className="panel__input"
            data-testid="select-policy"
            value={showPolicyInput ? OTHER : m.policy}
            onChange={(e) => choosePolicy(e.target.value)}
          >
            {learnedPolicy && <option value={m.policy}>{learnedPolicy}</option>}
            {policies.map((e) => {
              const size = sizeText(e, dtypeOf(e.id));
              return (
                <option key={e.id} value={e.id}>
                  {size === null ? e.label : `${e.label} — ${size} (${dtypeOf(e.id)})`}
                </option>
              );
            })}
            <option value={OTHER}>Other model id…</option>
          </select>
          {showPolicyInput && draftInput('policy', 'input-policy', 'owner/name', 'Policy model id')}
          {errorLine('policy')}
          {learnedPolicy ? (
            <span className="panel__hint">
              trained in this browser (the Learn view); loaded from its storage, fp32
            </span>
          ) : entry ? (
            <span className="panel__hint">
              {entry.note}
              {inUseMb !== undefined && ` · ${sizeText(entry, inUse)} as ${inUse}`}
            </span>
          ) : (
            <span className="panel__hint">its size is unknown until it downloads</span>
          )}
          {warning && (
            <span className="panel__warning" role="alert" data-testid="model-warning">
              {warning}
            </span>
          )}
        </div>
      )}

      <div className="panel__field">
        <label className="panel__label" htmlFor="models-value">
          Value
        </label>
        <select
          id="models-value"
          className="panel__input"
          data-testid="select-value"
          value={showValueInput ? OTHER : m.value}
          onChange={(e) => chooseValue(e.target.value)}
        >
          {/* A value from the URL that this task does not list stays selected beside its error. */}
          {!listedValue && !showValueInput && (
            <option value={m.value} disabled={!learnedValue}>
              {learnedValue ?? m.value}
            </option>
          )}
          {valueOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {m.task === 'math' && <option value={OTHER}>Other value model id…</option>}
        </select>
        {showValueInput && draftInput('value', 'input-value', 'owner/name', 'Value model id')}
        {errorLine('value')}
        {(showValueInput || listedValue) && (
          <span className="panel__hint" data-testid="value-help">
            {showValueInput ? OTHER_VALUE_HELP : listedValue?.help}
          </span>
        )}
      </div>

      {/* Kept in the page while closed: its fields still hold their drafts and errors. */}
      <details className="panel__advanced" data-testid="models-advanced" open={hubError ? true : undefined}>
        <summary>Advanced: hub address, download sizes</summary>
        <div className="panel__advanced-body">
          {entry && (
            <div className="panel__field">
              <span className="panel__label">Policy download size by precision</span>
              <ModelSizes entry={entry} inUse={inUse} />
            </div>
          )}
          <DtypeOption />
          <div className="panel__field">
            <label className="panel__label" htmlFor="models-hub-input">
              Hub address
            </label>
            {draftInput('hub', 'input-hub', 'https://huggingface.co', 'Hub address')}
            {errorLine('hub')}
            <span className="panel__hint">
              models with an owner/name id download from here and are cached by the browser
            </span>
          </div>
        </div>
      </details>

      <p className="panel__hint" data-testid="models-loaded">
        {m.loaded
          ? `loaded: ${m.loaded.engine ? `${m.loaded.engine.model} (server)` : (learnedModelLabel(m.loaded.policy) ?? m.loaded.policy)} · value: ${valueName(m.loaded.value)}`
          : 'no models loaded yet'}
        {m.status === 'loading' && m.loading !== null && (
          <span className="panel__loading" data-testid="models-loading">
            {' '}
            · loading {m.loading}…
          </span>
        )}
      </p>
    </section>
  );
}
