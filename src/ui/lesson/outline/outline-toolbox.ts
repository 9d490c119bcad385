import type { LessonOutlineStep } from '../lesson-step';

export const TOOLBOX_OUTLINE = [
  {
    id: 'toolbox',
    title: 'The toolbox: prune, backtrack, refine, variants, solver',
    notes: {
      keyIdea:
        'Published searches are compositions of the same operators: BFS prunes, DFS backtracks, AlphaZero and x1 count visits differently, MCTS-Solver stops re-selecting known failures.',
      say: "The Blueprint describes each reasoning scheme as a structure, a strategy and its operators. Here the same puzzle runs under Tree of Thoughts' BFS and DFS, DVTS, Gumbel with Sequential Halving and three MCTS variants, with MCTS-Solver on and off. Read the wasted column: simulations whose selection ended on a node already known to have failed. Two operators need another setting: Aggregate is graph mode (one node per state), and Refine wants an instruct model, so show it on a math problem with a hub model: a rejected step is put back to the policy with a critique, and the rewrite joins the tree beside it on a dashed refine edge.",
      question: {
        ask: "Why does AlphaZero's variant need the prior to choose among children it has never visited?",
        answer:
          'They all start at N = 0 and Q = 0, so only the exploration term c·P·√N(parent)/(1 + N) tells them apart: the prior decides which one is tried first.',
      },
      exercise: {
        task: 'Turn MCTS-Solver on, set Stop to "after the whole budget", run 4 5 6 10 → 24 and find a node with a dashed red ring: why was it proven failed?',
        answer:
          'Every step sampled below it failed (an invalid step or a wrong final answer), so no simulation can gain there; the proof covers the k steps drawn, not every step the rules allow.',
      },
      minutes: 3,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
