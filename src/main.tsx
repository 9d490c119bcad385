import { engineApiKey } from './state/engine-key';
import { withServerEngine } from './state/engine-model-provider';
import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  columnQuery,
  parseCompare,
  playgroundQuery,
  shareProvider,
  type CompareValues,
} from './state/compare';
import { hubConfigUrl, TRANSFORMERS_CACHE } from './state/download-confirm';
import { DEFAULT_RECORDING_PATH } from './state/recording';
import { WATCHABLE_SPEED_MS } from './state/search-slice';
import { presenterFromQuery, withPresenter } from './state/presenter-url';
import { setupToQuery, type Setup } from './state/setup';
import { IndexedDbArchive } from './state/persistence/indexeddb-archive';
import { startAutosave } from './state/persistence/autosave';
import { createPlaygroundStore } from './state/store';
import type { StoreDeps } from './state/store-types';
import { createWorkerModelProvider } from './state/worker-model-provider';
import { App } from './ui/App';
import { CompareApp } from './ui/compare/CompareApp';
import { Handout } from './ui/lesson/handout/Handout';
import { handoutFromQuery } from './ui/lesson/handout/handout-query';
import { StoreProvider } from './ui/store-context';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Chromium only (rounded to a power of two); elsewhere the device's memory is unknown.
const deviceMemoryGb: StoreDeps['deviceMemoryGb'] = () =>
  'deviceMemory' in navigator && typeof navigator.deviceMemory === 'number'
    ? navigator.deviceMemory
    : undefined;

/** A hub model downloaded before is in transformers.js' cache: it loads without asking again. */
const isDownloaded: StoreDeps['isDownloaded'] = async (id, hub) => {
  if (typeof caches === 'undefined') return false;
  try {
    return (await (await caches.open(TRANSFORMERS_CACHE)).match(hubConfigUrl(id, hub))) !== undefined;
  } catch {
    return false;
  }
};

const query = window.location.search;
// Sessions are kept in IndexedDB as they run; where it is missing, nothing is kept.
const archive = typeof indexedDB !== 'undefined' ? new IndexedDbArchive() : undefined;
const compare = parseCompare(query);
// The policy may run on a server engine (engine=openai); everything else runs in the worker.
const provider = withServerEngine(createWorkerModelProvider(), engineApiKey);

/** The address of the page: the setup, and the presenter view while it is on. */
function writeUrl(setup: Setup, presenter: boolean): void {
  window.history.replaceState(null, '', `?${withPresenter(setupToQuery(setup), presenter)}`);
}

function playground(): ReactNode {
  // The URL is the setup: it opens the page, and every change of the setup is written back to it.
  const store = createPlaygroundStore({
    provider,
    query: compare?.error !== undefined ? playgroundQuery(query) : query,
    onSetupChange: (setup) => writeUrl(setup, presenterFromQuery(window.location.search)),
    deviceMemoryGb,
    isDownloaded,
    // Slow enough for an eye to follow select → expand → evaluate → backpropagate; max is one click.
    speedMs: WATCHABLE_SPEED_MS,
    ...(compare?.error !== undefined ? { openingError: compare.error } : {}),
    ...(archive ? { archive } : {}),
  });
  writeUrl(store.getState().setup, store.getState().presenter);
  store.subscribe((s, prev) => s.presenter !== prev.presenter && writeUrl(s.setup, s.presenter));
  if (archive) {
    const autosave = startAutosave(store, archive);
    // A tab being closed or hidden gets what the last few hundred milliseconds added.
    window.addEventListener('pagehide', () => void autosave.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    });
  }
  // While the models load, a recorded search of the default puzzle can already be watched.
  void fetch(`${import.meta.env.BASE_URL}${DEFAULT_RECORDING_PATH}`)
    .then((response) => (response.ok ? response.text() : ''))
    .then((text) => text !== '' && store.getState().showRecording(text))
    .catch(() => undefined);
  void store
    .getState()
    .loadModels()
    // A reload reopens the session it left, where it was (a bare address: the newest of any setup).
    .then(() =>
      store.getState().modelStatus === 'ready'
        ? store.getState().reopenLatest(query === '' || query === '?')
        : undefined,
    );
  return (
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  );
}

function compareView(pair: NonNullable<typeof compare>['pair'] & object, values: CompareValues): ReactNode {
  // A worker holds one set of models: columns valued by different models get a worker each.
  const shared =
    values[0] === values[1]
      ? [shareProvider(provider)]
      : [shareProvider(provider), shareProvider(withServerEngine(createWorkerModelProvider(), engineApiKey))];
  const cancelAll = () => shared.forEach((p) => p.cancelAll());
  const open = (i: 0 | 1) =>
    createPlaygroundStore({
      provider: (shared[i] ?? shared[0] ?? shareProvider(provider)).forColumn,
      query: columnQuery(query, pair[i], values[i]),
      deviceMemoryGb,
      isDownloaded,
    });
  const stores = [open(0), open(1)] as const;
  stores.forEach((s) => void s.getState().loadModels());
  return <CompareApp query={query} pair={pair} values={values} stores={stores} cancelAll={cancelAll} />;
}

/**
 * The Learn view (`?learn=1`): self-play and training in this tab, with a store of its own. Loaded
 * only when asked for, so the playground's start-up does not parse it.
 */
const LearnView = lazy(async () => {
  const [{ LearnApp }, { createBrowserLearnStore }] = await Promise.all([
    import('./ui/learn/LearnApp'),
    import('./state/learn/browser-learn-store'),
  ]);
  const store = createBrowserLearnStore();
  return { default: () => <LearnApp store={store} query={query} /> };
});

function learnView(): ReactNode {
  return (
    <Suspense fallback={null}>
      <LearnView />
    </Suspense>
  );
}

// The printable handout is a page of its own: no store, no models.
const handout = handoutFromQuery(query);
createRoot(root).render(
  <StrictMode>
    {handout ? (
      <Handout version={handout} />
    ) : new URLSearchParams(query).get('learn') === '1' ? (
      learnView()
    ) : compare?.pair ? (
      compareView(compare.pair, compare.values)
    ) : (
      playground()
    )}
  </StrictMode>,
);
