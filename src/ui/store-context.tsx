import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundStore } from '../state/store';
import type { PlaygroundState } from '../state/store-types';

const StoreContext = createContext<PlaygroundStore | null>(null);

export function StoreProvider({ store, children }: { store: PlaygroundStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads the playground store through a selector (module-level selectors keep renders cheap). */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePlayground needs a <StoreProvider> above it');
  return useStore(store, selector);
}

/** The store itself, for code that drives it over time (the lesson) rather than rendering from it. */
export function usePlaygroundStore(): PlaygroundStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePlaygroundStore needs a <StoreProvider> above it');
  return store;
}
