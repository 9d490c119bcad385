import type { LessonOutlineStep } from '../lesson-step';

export const SUPERVISION_OUTLINE = [
  {
    id: 'supervision',
    title: 'Outcome vs process supervision',
    notes: {
      keyIdea:
        'Outcome supervision rewards only the end; process supervision scores every step and shows where a branch went wrong.',
      say: "A failed branch is selected on the tree. Outcome-based supervision gives every step of it the final reward, 0, so a learner cannot tell the sound early steps from the mistake. Process-based supervision scores each step: this value model was trained on a solver's per-state labels, and its estimate drops at the step that made the target unreachable.",
      question: {
        ask: 'Which signal is cheaper to collect, and which one tells a learner more?',
        answer:
          'Outcome labels are cheap (check the final answer); process labels say which step failed but need a judge per step: people, a solver, or rollouts.',
      },
      exercise: {
        task: 'Take the highlighted step: list the numbers left after it and show that 24 can no longer be made.',
        answer:
          'Try every pair and operation on the numbers left; none reaches 24 (if one does, the value model was wrong, which process labels from a solver would correct).',
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];

export const WRAP_OUTLINE = [
  {
    id: 'wrap',
    title: 'The blueprint, in one table',
    notes: {
      keyIdea:
        'A reasoning scheme = structure + strategy + operators over a policy and a value model, with outcome or process supervision.',
      say: "One table in the blueprint's vocabulary: the structure is a tree, the strategy MCTS (or chain, best-of-N, beam), the operators Generate, Evaluate, Select and Backpropagate, with Prune and Backtrack by hand. Invite the room to change the puzzle or the strategy and to predict the result before pressing Run.",
      question: {
        ask: 'Where exactly is test-time compute spent in what we saw?',
        answer:
          'In generated tokens and value-model calls: each simulation samples k steps from the policy and scores the new children.',
      },
      exercise: {
        task: 'Take-home: a puzzle the batch did not solve at 64 simulations; run it at 256 under PUCT and under UCT, and predict first.',
        answer:
          'At least 3 simulations either way; the tokens and simulations to the first solution (if any) are read off the status line; compare them with the race in the PUCT vs UCT step.',
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
