import { useShallow } from 'zustand/react/shallow';
import { selectDisplayedTree } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';

/**
 * What a lesson step reads from the playground. The tree is mutated in place, so `version` is in
 * the selection: a step re-renders (and re-reads its numbers) after every phase.
 */
const selectView = (s: PlaygroundState) => ({
  version: s.version,
  runner: s.runner,
  tree: selectDisplayedTree(s),
  note: s.note,
  setup: s.setup,
  selectedId: s.selectedId,
  select: s.select,
});

export function useLessonView() {
  return usePlayground(useShallow(selectView));
}

export const fmt = (x: number | undefined, digits = 2): string =>
  x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
