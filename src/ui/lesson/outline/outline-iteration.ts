import type { LessonOutlineStep } from '../lesson-step';

export const ITERATION_OUTLINE = [
  {
    id: 'select',
    title: 'One MCTS iteration: Select',
    notes: {
      keyIdea:
        'Select descends from the root, taking at each node the child with the highest PUCT score Q + c·P·√N(parent) / (1 + N).',
      say: 'A simulation starts at the root and at each node takes the child with the largest score: its mean value so far, Q, plus an exploration bonus that is large for steps the policy likes and the search has tried little. The bonus shrinks as 1 / (1 + N), so repeated visits must be earned by Q. Ties go to the first child, so the search is deterministic for a seed.',
      question: {
        ask: 'A child has P = 0.5 and N = 1, its parent N = 16, and c = 1. What is its exploration bonus?',
        answer: '1 · 0.5 · √16 / (1 + 1) = 0.5 · 4 / 2 = 1.0.',
      },
      exercise: {
        task: 'Pick two siblings in the score table and recompute Q + U by hand. Which one does selection take?',
        answer:
          'The one with the larger Q + U, the row marked as picked; the hand computation matches the table to three decimals.',
      },
      minutes: 3,
    },
  },
  {
    id: 'expand',
    title: 'Expand',
    notes: {
      keyIdea:
        'Expand: the policy samples k steps from the selected leaf; the verifier marks broken or finished steps at once.',
      say: 'The selected leaf is expanded: the policy samples 16 continuations of it. The Countdown verifier checks each new step as it is created: a step that breaks the rules, or finishes on a number other than the target, is failed; one that finishes on the target is solved. One simulation expands exactly one leaf.',
      question: {
        ask: 'Why verify each step when it is created rather than only at the end?',
        answer:
          'A broken step becomes a failed leaf with reward 0 at once, so no simulation is spent below it, and a solution is recognized the moment it is written.',
      },
      exercise: {
        task: 'Write a step from "left: 1 2 11" that the verifier must reject, and say why.',
        answer: 'E.g. 11-2=8 (left: 1 8): 11 − 2 is 9; or 8*3=24: neither 8 nor 3 is among the numbers left.',
      },
      minutes: 2,
    },
  },
  {
    id: 'evaluate',
    title: 'Evaluate',
    notes: {
      keyIdea:
        "Evaluate: each new child gets one score, the verifier's reward (1 or 0) if it is finished, the value model's v if not.",
      say: "All the new children are scored in one batch. Finished steps take the verifier's exact reward, 1 for solved and 0 for failed; the others get the value model's estimate. Each score is recorded as one visit of its child, so after Evaluate every new child already has N = 1 and Q = v.",
      question: {
        ask: "Why use the verifier's reward where there is one, rather than the value model?",
        answer:
          'The verifier is exact; the value model is an estimate and would add noise exactly where the truth is known.',
      },
      exercise: {
        task: 'The expanded leaf is at depth d (d steps made). How many numbers do its children have left, and can one of them be solved?',
        answer:
          'They are at depth d + 1 with 4 − (d + 1) numbers left; only a child at depth 3, with one number left, can be solved.',
      },
      minutes: 2,
    },
  },
  {
    id: 'backpropagate',
    title: 'Backpropagate',
    notes: {
      keyIdea:
        'Backpropagate: every node on the selected path adds the new evaluations to N and W, so Q = W / N reflects what was found below.',
      say: 'Each node on the path from the expanded leaf up to the root adds the evaluations, one per new child, to its visit count N and its value sum W. Q = W / N is then the mean of every evaluation made in its subtree. That Q is what the next selection reads.',
      question: {
        ask: 'The expanded leaf got 5 children valued 0.9, 0.8, 0.1, 0 and 0. By how much do N and W of the root grow?',
        answer: 'N by 5 and W by 1.8 (0.9 + 0.8 + 0.1).',
      },
      exercise: {
        task: "Is N of an expanded node the sum of its children's N? Check the root and one node below it on the tree.",
        answer:
          'For the root, yes. A node below it has one visit more: its own evaluation when it was created. Every evaluation adds one visit to the node evaluated and to each ancestor.',
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
