import type { ComponentType } from 'react';
import type { PlaygroundStore } from '../../state/store';

/** One step of the guided lesson: what it says (a live component) and what it does to the playground. */
export interface LessonStepDef {
  readonly id: string;
  readonly title: string;
  /**
   * Brings the playground to this step's point (a phase run, a setting opened). Run when the
   * lesson moves forward onto the step; going back leaves the playground as it is.
   */
  readonly enter?: (store: PlaygroundStore) => Promise<void>;
  readonly Body: ComponentType;
}
