import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './status.css';

const selectErrors = (s: PlaygroundState) => ({
  searchError: s.searchError,
  searchRetry: s.searchRetry,
  run: s.run,
  modelError: s.modelError,
  appError: s.appError,
  dismissError: s.dismissError,
  // WASM is the way out when WebGPU (chosen, or picked by 'auto') fails to load the models.
  offerWasm: s.modelError !== null && s.setup.backend !== 'wasm',
  setField: s.setField,
  retryModels: s.retryModels,
});

/** The search's or the models' error; rendered only while there is one. */
export function ErrorBanner() {
  const {
    searchError,
    searchRetry,
    run,
    modelError,
    appError,
    dismissError,
    offerWasm,
    setField,
    retryModels,
  } = usePlayground(useShallow(selectErrors));
  if (searchError === null && modelError === null && appError === null) return null;
  return (
    <div className="error-banner" data-testid="error" role="alert">
      {modelError !== null && <p className="error-banner__message">Models: {modelError}</p>}
      {searchError !== null && <p className="error-banner__message">Search: {searchError}</p>}
      {appError !== null && (
        <p className="error-banner__message" data-testid="app-error">
          {appError}{' '}
          <button
            type="button"
            className="error-banner__button"
            data-testid="btn-dismiss-error"
            title="Close this message"
            onClick={dismissError}
          >
            Dismiss
          </button>
        </p>
      )}
      {searchError !== null && searchRetry && (
        <button
          type="button"
          className="error-banner__button"
          data-testid="btn-retry-search"
          title="Run the phase that failed again; the tree so far is kept"
          onClick={() => void run()}
        >
          Retry
        </button>
      )}
      {modelError !== null && (
        <button
          type="button"
          className="error-banner__button"
          data-testid="btn-retry"
          title="Load the same models again (a dropped download often succeeds the second time)"
          onClick={retryModels}
        >
          Retry
        </button>
      )}
      {offerWasm && (
        <button
          type="button"
          className="error-banner__button"
          data-testid="btn-use-wasm"
          title="Load the models on WebAssembly (CPU) instead"
          // The setting itself changes, so the select, the URL and a reload all agree on WASM.
          onClick={() => setField('backend', 'wasm')}
        >
          Use WASM instead
        </button>
      )}
    </div>
  );
}
