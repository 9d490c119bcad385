import type { LessonOutlineStep } from '../lesson-step';

export const ENGINE_OUTLINE = [
  {
    id: 'counts',
    title: "This engine's MCTS vs AlphaZero's: what N counts",
    notes: {
      keyIdea:
        'Here every new child is evaluated and counted at expansion, so N counts evaluations: after one simulation N(root) = its number of children (AlphaZero: 1, children 0).',
      say: "In AlphaZero one simulation evaluates one leaf with the network and backs up that one value, so N(root) equals the number of simulations and a new child sits at N = 0 until a simulation reaches it. This engine scores every new child as soon as it is created and backs up all of those values at once. So after one simulation N(root) is the number of children, each child starts with N = 1 and Q = v, and a 'simulation' here means one expansion (or one more evaluation of a finished step).",
      question: {
        ask: 'After two simulations AlphaZero has N(root) = 2. What is N(root) here if the root got 11 children and the second expansion 3?',
        answer:
          '14 = 11 + 3: one visit per evaluation, and the second expansion’s 3 evaluations pass through the root too.',
      },
      exercise: {
        task: 'From the live table, compare N(root) with Σ N(children) and with the number of simulations. What does PUCT’s √N(parent) grow with here?',
        answer:
          'N(root) = Σ N(children), far above the simulation count; √N(parent) grows with the number of evaluations below the parent, not with the simulations through it.',
      },
      minutes: 3,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
