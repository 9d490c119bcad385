import type { LessonOutlineStep } from '../lesson-step';

export const SCALING_OUTLINE = [
  {
    id: 'scaling',
    title: 'Test-time compute: more search, more solved',
    notes: {
      keyIdea:
        'Test-time compute: with the same models, the share of puzzles solved grows with the search budget.',
      say: 'This runs MCTS on twelve Game of 24 puzzles from the Tree of Thoughts test set, ranks 901 to 912, in this page, and records when each was first solved. With the same seed a smaller budget is exactly the beginning of a larger run, so one run per puzzle gives the whole curve. Same models, more search, more solved: that is test-time compute.',
      question: {
        ask: 'Why does one run per puzzle at 64 simulations give the solve rate at every smaller budget?',
        answer:
          'With the same seed the first b simulations of the long run are exactly a b-simulation run, so a puzzle is solved within b if and only if its first solution came at simulation b or earlier.',
      },
      exercise: {
        task: 'Read the budget at which the curve first reaches 50%. Why does the token cost grow less than the budget?',
        answer:
          'Read it off the chart; the batch stops each puzzle at its first solution, so solved puzzles stop spending while the budget doubles.',
      },
      minutes: 3,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
