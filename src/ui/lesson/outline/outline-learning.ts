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
    title: 'Does it learn? Generations and the held-out curve',
    notes: {
      keyIdea:
        'Each generation is measured on puzzles never trained on; a held-out loss that rises while the training loss falls is overfitting.',
      say: 'Generation 0 is the shipped policy with no value model; each round self-plays fresh puzzles, trains both models on the replay buffer and is measured again on the same held-out puzzles. The numbers here come from npm run learn on this machine; the Learn view runs the same code in this tab, with the curves drawn live. Watch the held-out loss: the buffer is small, so after a few epochs the models start to memorise it.',
      question: {
        ask: 'Why must the measured puzzles never appear in self-play?',
        answer:
          'Otherwise a rising solve rate could mean the models memorised those puzzles’ answers rather than learned to search better; self-play draws fresh puzzles and skips every held-out one.',
      },
      exercise: {
        task: 'Predict: with outcome targets instead of process targets, which curve moves first, the MCTS rate or the greedy chain, and why?',
        answer:
          'The MCTS rate: the value model changes how the search spends its simulations at once, while the chain depends on the policy alone, which learns from the same searches more slowly.',
      },
      minutes: 3,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
