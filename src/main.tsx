import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupToQuery } from './state/setup';
import { createPlaygroundStore } from './state/store';
import { createWorkerModelProvider } from './state/worker-model-provider';
import { App } from './ui/App';
import { StoreProvider } from './ui/store-context';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The URL is the setup: it opens the page, and every change of the setup is written back to it.
const store = createPlaygroundStore({
  provider: createWorkerModelProvider(),
  query: window.location.search,
  onSetupChange: (setup) => window.history.replaceState(null, '', `?${setupToQuery(setup)}`),
  // Chromium only (rounded to a power of two); elsewhere the device's memory is unknown.
  deviceMemoryGb: () =>
    'deviceMemory' in navigator && typeof navigator.deviceMemory === 'number'
      ? navigator.deviceMemory
      : undefined,
});
window.history.replaceState(null, '', `?${setupToQuery(store.getState().setup)}`);
void store.getState().loadModels();

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
