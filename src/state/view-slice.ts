import type { StateCreator } from 'zustand';
import type { PlaygroundState, ViewSlice } from './store-types';

export const createViewSlice: StateCreator<PlaygroundState, [], [], ViewSlice> = (set) => ({
  selectedId: null,
  collapsed: new Set(),
  fitSignal: 0,
  select: (id) => set({ selectedId: id }),
  toggleCollapse: (id) =>
    set((s) => {
      const collapsed = new Set(s.collapsed);
      if (collapsed.has(id)) collapsed.delete(id);
      else collapsed.add(id);
      return { collapsed };
    }),
  fit: () => set((s) => ({ fitSignal: s.fitSignal + 1 })),
});
