import { LESSON_OUTLINE, type LessonStepId } from './lesson-outline';
import type { LessonStepBehaviour, LessonStepDef } from './lesson-step';
import { ANSWER_BEHAVIOUR } from './steps/steps-answer';
import { BASICS_BEHAVIOUR } from './steps/steps-basics';
import { DEPTH_BEHAVIOUR } from './steps/steps-depth';
import { ENGINE_BEHAVIOUR } from './steps/steps-engine';
import { ITERATION_BEHAVIOUR } from './steps/steps-iteration';
import { LEARNING_BEHAVIOUR } from './steps/steps-learning';
import { PRIORS_BEHAVIOUR } from './steps/steps-priors';
import { SCALING_BEHAVIOUR } from './steps/steps-scaling';
import { SELECTION_BEHAVIOUR } from './steps/steps-selection';
import { RUN_BEHAVIOUR, STRATEGY_BEHAVIOUR } from './steps/steps-strategies';
import { CLOSING_BEHAVIOUR } from './steps/steps-supervision';
import { TOOLBOX_BEHAVIOUR } from './steps/steps-toolbox';

/** Every step of the outline has its behaviour: a step without one does not compile. */
const BEHAVIOUR: Readonly<Record<LessonStepId, LessonStepBehaviour>> = {
  ...BASICS_BEHAVIOUR,
  ...ITERATION_BEHAVIOUR,
  ...ENGINE_BEHAVIOUR,
  ...PRIORS_BEHAVIOUR,
  ...SELECTION_BEHAVIOUR,
  ...RUN_BEHAVIOUR,
  ...ANSWER_BEHAVIOUR,
  ...STRATEGY_BEHAVIOUR,
  ...TOOLBOX_BEHAVIOUR,
  ...SCALING_BEHAVIOUR,
  ...DEPTH_BEHAVIOUR,
  ...CLOSING_BEHAVIOUR,
  ...LEARNING_BEHAVIOUR,
};

/** The guided lesson, in the outline's order: each step's text with what it does to the playground. */
export const LESSON_STEPS: readonly LessonStepDef[] = LESSON_OUTLINE.map((step) => ({
  ...step,
  ...BEHAVIOUR[step.id],
}));
