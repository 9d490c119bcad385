import type { ComponentType } from 'react';
import type { PlaygroundStore } from '../../state/store';

/** A question put to the room, with the answer the lecturer is looking for. */
export interface LessonQuestion {
  readonly ask: string;
  readonly answer: string;
}

/** Something for the students to do (on paper or on the playground), with its answer. */
export interface LessonExercise {
  readonly task: string;
  readonly answer: string;
}

/**
 * The lecturer's side of a step: shown under "Lecturer notes" in the panel and printed on the
 * handout, so the panel, the class and the paper tell the same story.
 */
export interface LessonNotes {
  /** One line: what the step teaches (the handout's line for it). */
  readonly keyIdea: string;
  /** What to say while the step is on the screen: two to four sentences. */
  readonly say: string;
  readonly question: LessonQuestion;
  readonly exercise: LessonExercise;
  /** Class time planned for the step, in minutes; the steps add up to the 45-minute class. */
  readonly minutes: number;
}

/**
 * What a step says, as plain data: its title and the lecturer's notes. The panel, the handout
 * and the tests read the same outline (lesson-outline.ts); no engine or React code comes with it.
 */
export interface LessonOutlineStep {
  readonly id: string;
  readonly title: string;
  readonly notes: LessonNotes;
}

/** What a step does: what it shows (a live component) and what it does to the playground. */
export interface LessonStepBehaviour {
  /**
   * Brings the playground to this step's point (a phase run, a setting opened). Run when the
   * lesson moves forward onto the step; going back leaves the playground as it is.
   */
  readonly enter?: (store: PlaygroundStore) => Promise<void>;
  readonly Body: ComponentType;
}

/** One step of the guided lesson: its outline and its behaviour. */
export type LessonStepDef = LessonOutlineStep & LessonStepBehaviour;
