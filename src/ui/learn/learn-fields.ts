import type { LearnSettings } from '../../state/learn/learn-types';

/**
 * The Learn view's numeric settings: range, one line on what each does, and how a typed value is
 * read. A value outside the range is shown with its message and never reaches the store.
 */
export type NumericSetting = 'rounds' | 'puzzlesPerRound' | 'simulations' | 'epochs' | 'evalPuzzles' | 'seed';

export interface FieldSpec {
  readonly key: NumericSetting;
  readonly label: string;
  readonly explain: string;
  readonly min: number;
  readonly max: number;
  readonly testId: string;
}

export const FIELDS: readonly FieldSpec[] = [
  {
    key: 'rounds',
    label: 'Rounds',
    explain: 'Each round: self-play, train both models, measure the new generation.',
    min: 1,
    max: 20,
    testId: 'learn-rounds',
  },
  {
    key: 'puzzlesPerRound',
    label: 'Puzzles per round',
    explain: 'Generated puzzles searched in self-play (never the held-out ones).',
    min: 1,
    max: 1000,
    testId: 'learn-puzzles',
  },
  {
    key: 'simulations',
    label: 'Simulations',
    explain: 'MCTS simulations per self-play search; also the budget of the headline rate.',
    min: 1,
    max: 256,
    testId: 'learn-simulations',
  },
  {
    key: 'epochs',
    label: 'Epochs',
    explain: 'Passes over the replay buffer per round, for each model.',
    min: 1,
    max: 20,
    testId: 'learn-epochs',
  },
  {
    key: 'evalPuzzles',
    label: 'Held-out puzzles',
    explain: 'Puzzles of countdown-100 measured at every generation (the same ones each time).',
    min: 1,
    max: 100,
    testId: 'learn-eval',
  },
  {
    key: 'seed',
    label: 'Seed',
    explain: 'Same seed, same puzzles, same searches, same weights.',
    min: 0,
    max: 1_000_000,
    testId: 'learn-seed',
  },
];

export type ParsedField = { readonly value: number } | { readonly error: string };

export function parseField(text: string, spec: FieldSpec): ParsedField {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed))
    return { error: `${spec.label}: a whole number from ${spec.min} to ${spec.max}.` };
  const value = Number(trimmed);
  if (value < spec.min || value > spec.max)
    return { error: `${spec.label}: from ${spec.min} to ${spec.max} (got ${value}).` };
  return { value };
}

export const VALUE_TARGETS: readonly {
  readonly value: LearnSettings['valueTarget'];
  readonly label: string;
  readonly explain: string;
}[] = [
  {
    value: 'outcome',
    label: 'Outcome',
    explain: 'Outcome-based supervision: 1 if a verified solution was reached below the state, else 0.',
  },
  {
    value: 'process',
    label: 'Process',
    explain: "Process-based supervision: the state's backed-up Q (W / N) from the search.",
  },
];

export const STARTS: readonly {
  readonly value: LearnSettings['from'];
  readonly label: string;
  readonly explain: string;
}[] = [
  {
    value: 'none',
    label: 'Shipped policy, no value model',
    explain: 'Watch the whole climb: generation 0 searches with the policy alone.',
  },
  {
    value: 'shipped',
    label: 'Shipped pair',
    explain: 'Start from the policy and value model the playground ships, and improve on them.',
  },
];
