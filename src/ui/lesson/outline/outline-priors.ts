import type { LessonOutlineStep } from '../lesson-step';

export const PRIORS_OUTLINE = [
  {
    id: 'priors',
    title: 'Why priors matter: change c',
    notes: {
      keyIdea:
        "c trades the prior against Q: near 0 selection follows Q alone, a large c follows the policy's P and the 1 / (1 + N) bonus.",
      say: "c weighs the exploration bonus against Q. At c = 0 selection is greedy on Q and keeps revisiting what already scored well; a large c follows the policy's prior and spreads visits over steps tried little. Drag the slider and watch the pick move on the tree; the search itself keeps its own c.",
      question: {
        ask: 'At c = 0, what happens to a good step whose first value estimate was unluckily low?',
        answer:
          "It is selected again only once every sibling's Q has fallen below its own: with no bonus, one bad estimate can bury a good step.",
      },
      exercise: {
        task: 'Find the smallest c, to 0.1, at which the pick changes from the c = 0 pick. Which two terms are then equal?',
        answer:
          "The c where Q + U of the new pick first exceeds the old one's: the Q gap between them equals c times the gap of their P·√N / (1 + N) terms (read the live numbers off the table).",
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
