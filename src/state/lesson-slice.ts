import type { StateCreator } from 'zustand';
import type { LessonSlice, PlaygroundState } from './store-types';

/** Where the lesson stands; the steps and what each one does to the playground are the UI's. */
export const createLessonSlice: StateCreator<PlaygroundState, [], [], LessonSlice> = (set) => ({
  lessonOpen: false,
  lessonStep: 0,
  presenter: false,
  lessonStatus: { state: 'ready' },
  setLessonStatus: (lessonStatus) => set({ lessonStatus }),
  openLesson: (step) => set((s) => ({ lessonOpen: true, lessonStep: Math.max(0, step ?? s.lessonStep) })),
  closeLesson: () => set({ lessonOpen: false, presenter: false }),
  goToLessonStep: (step) => set({ lessonStep: Math.max(0, step) }),
  setPresenter: (on) => set({ presenter: on }),
});
