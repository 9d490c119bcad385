import type { LessonOutlineStep } from '../lesson-step';

export const ANSWER_OUTLINE = [
  {
    id: 'answer',
    title: 'How the final answer is chosen',
    notes: {
      keyIdea:
        "This engine's MCTS answers with the first verified solution; without one, the end of the most-visited path. Best Q is never used.",
      say: "When the search ends, this engine's MCTS returns the first solved node in creation order if there is one, whatever the stop rule; only without one does it follow the most-visited child from the root to a leaf. AlphaZero has no verifier inside the game and plays the most-visited root move. Neither answers by best Q: a rarely visited child can have a high Q by luck.",
      question: {
        ask: 'Without a verifier, why trust the most-visited child rather than the one with the best Q?',
        answer:
          'A child is visited often only if its Q stayed high through many evaluations; a high Q from one or two evaluations is noise, and taking the maximum picks the luckiest estimate.',
      },
      exercise: {
        task: 'Run the twelve puzzles. How often does the most-visited path end at a verified solution when the first one appears, and after the whole budget? Why the difference?',
        answer:
          "Not always when a solution first appears: it was just created with N = 1, and the visits may still lie elsewhere. Re-selected for the rest of the budget (its Q is 1), it then wins. Hence a verifier's answer comes first.",
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
