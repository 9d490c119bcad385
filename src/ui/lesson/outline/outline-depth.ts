import type { LessonOutlineStep } from '../lesson-step';

export const DEPTH_OUTLINE = [
  {
    id: 'depth',
    title: 'Why nothing is solved below three simulations',
    notes: {
      keyIdea:
        'One simulation expands one leaf, one step deeper; a four-number solution is three steps deep, so it needs at least three simulations.',
      say: 'Each simulation expands exactly one leaf, so the tree grows at most one step deeper per simulation. A solution of a four-number puzzle is three steps, so the earliest it can appear is in the third expansion, and the curve is 0 at budgets 1 and 2 whatever the models. It appears that early only if the second and third simulations both chose the newest line.',
      question: {
        ask: 'How many simulations does a five-number puzzle need at the very least? And n numbers?',
        answer: 'Four; n − 1 in general, one expansion per step of the solution.',
      },
      exercise: {
        task: 'In the trace, when did the tree first reach depth 3, and was the puzzle solved then? What makes it take longer than three simulations?',
        answer:
          'Read the live rows; it takes longer when a simulation goes sideways (expands another node at depth 1 or 2 instead of the deepest) or when no child at depth 3 hits the target.',
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
