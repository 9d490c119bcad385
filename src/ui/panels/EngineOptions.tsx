import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engineApiKey, isEngineKeyRemembered, setEngineApiKey } from '../../state/engine-key';
import { ENGINE_SETTINGS, type EngineSetting } from '../../state/setup';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';

const ENGINE_LABELS: Readonly<Record<EngineSetting, string>> = {
  local: 'In this page',
  openai: 'On a server (OpenAI API)',
};

const selectEngine = (s: PlaygroundState) => ({
  engine: s.setup.engine,
  base: s.setup.engineBase,
  model: s.setup.engineModel,
  errors: s.setupErrors,
  urlErrors: s.urlErrors,
  applySetup: s.applySetup,
  setField: s.setField,
  retryModels: s.retryModels,
});

/**
 * Where the policy runs: in the page, or on a vLLM / SGLang / llama.cpp / Ollama server behind
 * `/v1/completions`, with the search still here. The address, model and key apply together on
 * Connect (each change would otherwise probe the server); the key stays in memory unless the user
 * asks to remember it, and it never enters the URL.
 */
export function EngineOptions() {
  const e = usePlayground(useShallow(selectEngine));
  const [base, setBase] = useState<string | undefined>(undefined);
  const [model, setModel] = useState<string | undefined>(undefined);
  const [key, setKey] = useState(engineApiKey);
  const [remember, setRemember] = useState(isEngineKeyRemembered);
  const errorOf = (field: 'engineBase' | 'engineModel') => e.errors[field] ?? e.urlErrors[field];

  const choose = (value: string) => {
    const found = ENGINE_SETTINGS.find((s) => s === value);
    if (found) e.setField('engine', found);
  };
  const connect = () => {
    setEngineApiKey(key.trim(), remember);
    const patch = { engineBase: (base ?? e.base).trim(), engineModel: (model ?? e.model).trim() };
    setBase(undefined);
    setModel(undefined);
    if (patch.engineBase === e.base && patch.engineModel === e.model) e.retryModels();
    else e.applySetup(patch);
  };
  const error = (field: 'engineBase' | 'engineModel') => {
    const message = errorOf(field);
    return message ? (
      <span className="panel__error" id={`error-${field}`} data-testid={`error-${field}`}>
        {message}
      </span>
    ) : null;
  };

  return (
    <div className="panel__field" data-testid="engine-options">
      <label className="panel__label" htmlFor="models-engine">
        Policy runs
      </label>
      <select
        id="models-engine"
        className="panel__input"
        data-testid="select-engine"
        value={e.engine}
        onChange={(ev) => choose(ev.target.value)}
      >
        {ENGINE_SETTINGS.map((s) => (
          <option key={s} value={s}>
            {ENGINE_LABELS[s]}
          </option>
        ))}
      </select>
      {e.engine === 'openai' && (
        <>
          <label className="panel__label" htmlFor="models-engine-base">
            Server address
          </label>
          <input
            id="models-engine-base"
            className="panel__input"
            data-testid="input-engine-base"
            type="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="http://localhost:8000"
            aria-invalid={errorOf('engineBase') !== undefined}
            value={base ?? e.base}
            onChange={(ev) => setBase(ev.target.value)}
            onKeyDown={(ev) => ev.key === 'Enter' && connect()}
          />
          {error('engineBase')}
          <label className="panel__label" htmlFor="models-engine-model">
            Model on the server
          </label>
          <input
            id="models-engine-model"
            className="panel__input"
            data-testid="input-engine-model"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder="Qwen/Qwen2.5-1.5B-Instruct"
            aria-invalid={errorOf('engineModel') !== undefined}
            value={model ?? e.model}
            onChange={(ev) => setModel(ev.target.value)}
            onKeyDown={(ev) => ev.key === 'Enter' && connect()}
          />
          {error('engineModel')}
          <input
            className="panel__input"
            data-testid="input-engine-key"
            type="password"
            autoComplete="off"
            placeholder="API key (if the server needs one)"
            aria-label="API key"
            value={key}
            onChange={(ev) => setKey(ev.target.value)}
            onKeyDown={(ev) => ev.key === 'Enter' && connect()}
          />
          <label className="panel__check">
            <input
              type="checkbox"
              data-testid="input-engine-remember"
              checked={remember}
              onChange={(ev) => setRemember(ev.target.checked)}
            />
            Remember the key on this device
          </label>
          <button type="button" className="panel__button" data-testid="btn-engine-connect" onClick={connect}>
            Connect
          </button>
          <span className="panel__explain">
            The search stays in this page; each expansion is a /v1/completions request (n samples, stop at the
            step&apos;s end, log-probabilities for the priors). The key never goes in the URL.
          </span>
        </>
      )}
    </div>
  );
}
