import type { LessonOutlineStep } from '../lesson-step';

export const RUN_OUTLINE = [
  {
    id: 'run',
    title: 'Let the search run',
    notes: {
      keyIdea:
        'With stop=budget the search spends all its simulations, past its first solution, and the visits pile up on the solved line.',
      say: 'Now the search runs by itself until its 32 simulations are spent. With stop=solved it would have stopped at the first verified solution; the lesson keeps it going so that the tree shows what else was tried. Watch where the visits go once a solution exists.',
      question: {
        ask: 'Once a solution is on the tree, why do later simulations keep going down to it?',
        answer:
          "Its Q is 1, the verifier's reward and the highest possible, so PUCT keeps selecting it; each time the terminal is evaluated again and adds a visit worth 1 along its path.",
      },
      exercise: {
        task: 'Read N of the solved node in the inspector. How many simulations went back to it after it was found?',
        answer:
          'N − 1: its first visit was its own evaluation at creation, and each later simulation that selected it added one.',
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];

export const STRATEGY_OUTLINE = [
  {
    id: 'strategies',
    title: 'Chain, best-of-N, beam, MCTS',
    notes: {
      keyIdea:
        'Chain, best-of-N, beam and MCTS spend tokens differently; a verifier turns extra samples into solved puzzles.',
      say: 'The same puzzle, seed and models under four strategies. The chain writes one greedy step at a time and cannot recover from a bad one; best-of-N samples whole chains and keeps a verified one, else the majority answer; beam keeps the best few partial solutions by value at each depth; MCTS spends its budget where Q and P point. Compare the tokens each paid with what it found.',
      question: {
        ask: 'Why can the greedy chain not recover from a bad first step?',
        answer:
          'It takes one sample at temperature 0 per step and never goes back: there is no alternative on the tree to return to.',
      },
      exercise: {
        task: 'From the table, rank the strategies that solved the puzzle by tokens spent.',
        answer:
          'Read off the live table; a strategy that did not solve it has no cost per solution at all, however cheap it was.',
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
