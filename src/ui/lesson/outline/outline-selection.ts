import type { LessonOutlineStep } from '../lesson-step';

export const SELECTION_OUTLINE = [
  {
    id: 'puct-uct',
    title: 'PUCT vs UCT',
    notes: {
      keyIdea:
        'UCT (UCB1 on trees) explores by c·√(ln N(s) / N(s,a)) with no prior; PUCT (AlphaZero) by c·P(s,a)·√N(s) / (1 + N(s,a)), led by the policy.',
      say: "UCT, Kocsis and Szepesvári's UCB1 applied to trees, adds c·√(ln N(s) / N(s,a)) to Q and tries every unvisited child first. PUCT, from AlphaGo Zero and AlphaZero, scales the bonus by the policy's prior P, so likely steps are tried first and unlikely ones may never be. This engine uses PUCT unless selection=uct, and since every child is evaluated at birth the 'unvisited first' rule of UCT never fires here.",
      question: {
        ask: 'Why does UCT need no policy model, and what does it lose without one?',
        answer:
          'Its bonus uses visit counts only; without P it spreads simulations evenly over siblings however implausible they are, which is expensive when a language model offers many candidate steps.',
      },
      exercise: {
        task: 'Press "Race PUCT and UCT" (twelve puzzles). Compare solved puzzles, simulations and tokens, and explain the gap with the two formulas.',
        answer:
          'PUCT spends fewer tokens for as many solutions: with equal N, UCT gives every sibling the same bonus and so expands implausible steps too, while P concentrates PUCT on the steps the policy likes.',
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
