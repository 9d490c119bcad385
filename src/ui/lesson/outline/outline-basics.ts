import type { LessonOutlineStep } from '../lesson-step';

export const BASICS_OUTLINE = [
  {
    id: 'intro',
    title: 'A search over reasoning steps',
    notes: {
      keyIdea:
        'A reasoning scheme: a structure (a tree of steps) grown by a strategy (MCTS) over a policy and a value model.',
      say: 'The puzzle is the Game of 24: combine 1, 8, 10 and 11 with + − × ÷ to make 24. A language model solves it one step at a time, and each step is a node of a tree whose root is the puzzle. Everything on the screen is computed live in this browser by two small models: a policy that writes steps and a value model that judges them.',
      question: {
        ask: 'How many steps does every complete solution of a four-number puzzle take, and why?',
        answer: 'Three: each step replaces two numbers by their result, so 4 → 3 → 2 → 1 numbers.',
      },
      exercise: {
        task: "Solve 1 8 10 11 → 24 on paper, written as steps in the model's format, e.g. 10-8=2 (left: 1 2 11).",
        answer: '11+1=12 (left: 8 10 12), 10-8=2 (left: 2 12), 12*2=24 (left: 24).',
      },
      minutes: 2,
    },
  },
  {
    id: 'policy',
    title: 'The policy model proposes steps',
    notes: {
      keyIdea:
        "The policy samples k candidate next steps; identical samples merge; the prior P is each step's probability normalized over its siblings.",
      say: "Expand asked the policy for 16 samples from the root at temperature 1.3. Identical samples merged, so the root has fewer children than samples, and the samples column counts them. P is the step's probability under the policy, renormalized over these siblings: what the policy believes, not whether the step works.",
      question: {
        ask: 'Why can the root have fewer children than the 16 samples asked for?',
        answer:
          'Sampling is with replacement: likely steps are drawn several times, and identical texts merge into one child (its samples count).',
      },
      exercise: {
        task: 'In the table, is the step drawn most often always the one with the highest P? Explain.',
        answer:
          "Not necessarily: P comes from the step's log-probability, while the count is one random draw of 16 at a temperature that flattens the distribution, so counts are noisy.",
      },
      minutes: 2,
    },
  },
  {
    id: 'value',
    title: 'The value model judges them',
    notes: {
      keyIdea:
        'The value model estimates, for each partial solution, the chance that the target can still be reached.',
      say: 'The value model reads each new partial solution and gives a number between 0 and 1: how likely the target can still be reached from there. It was trained on labels from an exhaustive solver. Notice N(root) after this first simulation: it equals the number of children, not 1, because this engine counts every evaluated child as a visit; we come back to that.',
      question: {
        ask: 'The policy gives a step a high P but the value model a low v. Which one does the search believe?',
        answer:
          'Both, for different things: P decides which children get tried early, Q (the mean of the values found below) how good they turned out; as N grows, Q dominates the score.',
      },
      exercise: {
        task: "Check Q(root) from the table: how is it computed from the children's values?",
        answer:
          "Q(root) = W / N = the sum of the children's v (a failed step counts 0) divided by the number of children, since each child was evaluated once.",
      },
      minutes: 2,
    },
  },
] as const satisfies readonly LessonOutlineStep[];
