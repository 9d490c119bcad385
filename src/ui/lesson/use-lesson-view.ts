import { useShallow } from 'zustand/react/shallow';
import { selectDisplayedTree } from '../../state/selectors';
import type { PhaseNote } from '../../state/phase-notes';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';

const NO_NOTE: PhaseNote = { phase: 'start', text: '', highlight: [] };

/**
 * What a lesson step reads from the playground. The search is published anew after every phase,
 * so a step re-renders (and re-reads its numbers) after each one.
 */
const selectView = (s: PlaygroundState) => ({
  search: s.search,
  tree: selectDisplayedTree(s),
  note: s.search?.note ?? NO_NOTE,
  setup: s.setup,
  selectedId: s.selectedId,
  select: s.select,
});

export function useLessonView() {
  return usePlayground(useShallow(selectView));
}

export const fmt = (x: number | undefined, digits = 2): string =>
  x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
