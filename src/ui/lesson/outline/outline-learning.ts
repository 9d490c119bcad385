import type { LessonOutlineStep } from '../lesson-step';

export const LEARNING_OUTLINE = [
  {
    id: 'learn-targets',
    title: 'Learning from search: what the models are taught',
    notes: {
      keyIdea:
        "Expert iteration: the search's visit shares become the policy's target, and each searched state's outcome (or backed-up Q) becomes the value's target.",
      say: "The shipped models learned from traces a solver wrote: supervised learning on someone else's answers. AlphaZero, x1 and rStar-Math close a loop instead: search with the current models, then train the policy towards where the search went (its visit counts) and the value towards how the searched states turned out. The table turns this tree into exactly those targets: π is the share of simulations that passed through each step, and a state's target is 1 if a verified solution was reached below it (outcome) or its Q (process).",
      question: {
        ask: 'Why train the policy on the visit shares rather than only on the step that led to the solution?',
        answer:
          'The shares carry how strongly the search preferred each step, including good steps it tried that did not end in this tree’s solution; one step alone is a much noisier target (AlphaZero’s argument for π).',
      },
      exercise: {
        task: 'Find a step whose prior P is high but whose share π is low. What will training do to P, and why?',
        answer:
          'P goes down: the search looked past it (its Q or its children’s values were poor), and the policy is trained towards π, so the next search starts from the corrected prior.',
      },
      minutes: 3,
    },
  },
  {
    id: 'learn-climb',
    title: 'Does it learn? Measured on puzzles it never trained on',
    notes: {
      keyIdea:
        'Only held-out puzzles tell whether a generation searches better; at this scale the loop made MCTS worse round after round, while its training losses fell.',
      say: 'Generation 0 is the policy as first shipped, with no value model; each round self-plays 100 fresh puzzles, trains both models and is measured on the same 100 held-out puzzles. Here the solve rate fell round after round: with 16 simulations the visit shares are close to the prior, and most searched states never reached a solution, so the value model learned that almost everything fails. AlphaZero ran 800 simulations per move over millions of games; a loop this small has to be judged on held-out puzzles, never on its training loss.',
      question: {
        ask: "The value model's held-out loss went down every round. Why did the search get worse anyway?",
        answer:
          'The loss measures agreement with labels from 16-simulation searches, which call many solvable states failures; a value that learns those labels ranks the children badly, and the next round’s searches, and so its labels, get worse too.',
      },
      exercise: {
        task: 'Why must the measured puzzles never appear in self-play? Say what a rising rate would then prove.',
        answer:
          'Nothing about searching better: the models could have memorised those puzzles’ answers. Self-play draws fresh puzzles and skips every held-out one, so a change on them is a change in how the models search.',
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
