import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import type { LearnState } from '../../state/learn/learn-types';

/** The Learn view's store (src/state/learn/learn-store.ts): read through selectors, like the playground's. */
export type LearnStore = StoreApi<LearnState>;

export const LearnStoreContext = createContext<LearnStore | null>(null);

export function useLearn<T>(selector: (s: LearnState) => T): T {
  const store = useContext(LearnStoreContext);
  if (!store) throw new Error('useLearn needs a LearnStoreContext provider (LearnApp gives one)');
  return useStore(store, selector);
}
