import type { StateCreator } from 'zustand';
import type { PlaygroundState, ViewportControl, ViewSlice } from './store-types';

export const createViewSlice: StateCreator<PlaygroundState, [], [], ViewSlice> = (set) => {
  // The viewport is the view's, registered while it is mounted: a handle, not data to render.
  let viewport: ViewportControl | null = null;
  return {
    selectedId: null,
    collapsed: new Set(),
    select: (id) => set({ selectedId: id }),
    toggleCollapse: (id) =>
      set((s) => {
        const collapsed = new Set(s.collapsed);
        if (collapsed.has(id)) collapsed.delete(id);
        else collapsed.add(id);
        return { collapsed };
      }),
    attachViewport: (next) => {
      viewport = next;
    },
    fit: () => viewport?.fit(),
  };
};
