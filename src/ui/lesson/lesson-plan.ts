import type { LessonOutlineStep } from './lesson-step';

/** The class the lesson is planned for, in minutes. */
export const CLASS_MINUTES = 45;

/** The planned minutes of all the steps together. */
export function totalMinutes(steps: readonly LessonOutlineStep[]): number {
  return steps.reduce((sum, s) => sum + s.notes.minutes, 0);
}

/** Where step `index` starts and ends in the class, in minutes from the start. */
export function stepSlot(steps: readonly LessonOutlineStep[], index: number): { start: number; end: number } {
  const start = totalMinutes(steps.slice(0, Math.max(0, index)));
  return { start, end: start + (steps[index]?.notes.minutes ?? 0) };
}

/** Sentences in a lecturer's text: a stop followed by a space and a capital, or the end. */
export function sentenceCount(text: string): number {
  return text
    .trim()
    .split(/[.!?](?:\s+(?=[A-Z"'“‘])|\s*$)/)
    .filter((s) => s.trim() !== '').length;
}
