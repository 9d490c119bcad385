import type { LessonOutlineStep } from './lesson-step';
import { ANSWER_OUTLINE } from './outline/outline-answer';
import { BASICS_OUTLINE } from './outline/outline-basics';
import { DEPTH_OUTLINE } from './outline/outline-depth';
import { ENGINE_OUTLINE } from './outline/outline-engine';
import { ITERATION_OUTLINE } from './outline/outline-iteration';
import { PRIORS_OUTLINE } from './outline/outline-priors';
import { SCALING_OUTLINE } from './outline/outline-scaling';
import { SELECTION_OUTLINE } from './outline/outline-selection';
import { RUN_OUTLINE, STRATEGY_OUTLINE } from './outline/outline-strategies';
import { LEARNING_OUTLINE } from './outline/outline-learning';
import { SUPERVISION_OUTLINE, WRAP_OUTLINE } from './outline/outline-supervision';
import { TOOLBOX_OUTLINE } from './outline/outline-toolbox';

/**
 * The 45-minute class, in order: each step's title and lecturer's notes. The engine's own way of
 * counting comes right after one whole iteration, the final answer right after the run that
 * produced it, the depth argument right after the curve it explains. After supervision comes the
 * Blueprint's other half: models that learn from their own search.
 */
export const LESSON_OUTLINE = [
  ...BASICS_OUTLINE,
  ...ITERATION_OUTLINE,
  ...ENGINE_OUTLINE,
  ...PRIORS_OUTLINE,
  ...SELECTION_OUTLINE,
  ...RUN_OUTLINE,
  ...ANSWER_OUTLINE,
  ...STRATEGY_OUTLINE,
  ...TOOLBOX_OUTLINE,
  ...SCALING_OUTLINE,
  ...DEPTH_OUTLINE,
  ...SUPERVISION_OUTLINE,
  ...LEARNING_OUTLINE,
  ...WRAP_OUTLINE,
] as const satisfies readonly LessonOutlineStep[];

export type LessonStepId = (typeof LESSON_OUTLINE)[number]['id'];
