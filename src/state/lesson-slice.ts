import type { StateCreator } from 'zustand';
import { presenterFromQuery } from './presenter-url';
import type { LessonSlice, PlaygroundState, StoreDeps } from './store-types';

/**
 * Where the lesson stands; the steps and what each one does to the playground are the UI's. The
 * presenter view belongs to the whole page (a lecturer may project a plain search), so closing the
 * lesson leaves it on; `presenter=1` in the opening URL starts in it.
 */
export const createLessonSlice =
  (deps: Pick<StoreDeps, 'query'>): StateCreator<PlaygroundState, [], [], LessonSlice> =>
  (set) => ({
    lessonOpen: false,
    lessonStep: 0,
    presenter: presenterFromQuery(deps.query),
    lessonStatus: { state: 'ready' },
    setLessonStatus: (lessonStatus) => set({ lessonStatus }),
    openLesson: (step) => set((s) => ({ lessonOpen: true, lessonStep: Math.max(0, step ?? s.lessonStep) })),
    closeLesson: () => set({ lessonOpen: false }),
    goToLessonStep: (step) => set({ lessonStep: Math.max(0, step) }),
    setPresenter: (on) => set({ presenter: on }),
  });
