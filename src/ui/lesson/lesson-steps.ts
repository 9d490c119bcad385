import type { LessonStepDef } from './lesson-step';
import { BASICS_STEPS } from './steps/steps-basics';
import { ITERATION_STEPS } from './steps/steps-iteration';
import { PRIORS_STEPS } from './steps/steps-priors';
import { SCALING_STEPS } from './steps/steps-scaling';
import { STRATEGY_STEPS } from './steps/steps-strategies';
import { CLOSING_STEPS } from './steps/steps-supervision';

/** The guided lesson, in order: 13 steps that drive the playground. */
export const LESSON_STEPS: readonly LessonStepDef[] = [
  ...BASICS_STEPS,
  ...ITERATION_STEPS,
  ...PRIORS_STEPS,
  ...STRATEGY_STEPS,
  ...SCALING_STEPS,
  ...CLOSING_STEPS,
];
