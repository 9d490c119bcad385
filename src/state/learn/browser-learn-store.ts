/// <reference types="vite/client" />
import type { StoreApi } from 'zustand/vanilla';
import { IndexedDbArchive } from '../persistence/indexeddb-archive';
import { IndexedDbLearnStorage, MemoryLearnStorage } from '../persistence/learn-db';
import { createLearnStore } from './learn-store';
import type { LearnState } from './learn-types';

/** The Learn view's store as the page makes it: IndexedDB, the learn worker, the app's files. */
export function createBrowserLearnStore(): StoreApi<LearnState> {
  const indexed = typeof indexedDB !== 'undefined';
  return createLearnStore({
    storage: indexed ? new IndexedDbLearnStorage() : new MemoryLearnStorage(),
    createWorker: () =>
      new Worker(new URL('../../learn/worker/learn-worker.ts', import.meta.url), {
        type: 'module',
        name: 'learn',
      }),
    ...(indexed ? { archive: new IndexedDbArchive() } : {}),
    fetchText: async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.text();
    },
    modelsPath: `${import.meta.env.BASE_URL}models/`,
    playgroundPath: import.meta.env.BASE_URL,
  });
}
