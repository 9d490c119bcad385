import type { StrategyName } from '../../core/strategies/strategy';
import { SEARCH_LIMITS, type SearchField } from '../../state/setup-validate';

/**
 * What each strategy setting does in this engine (src/core/strategies), in one line each, with the
 * slider's range. The same setup field means different things per strategy (SearchConfig.simulations),
 * and a field a strategy ignores has no line (null).
 */

export interface SettingSpec {
  readonly field: SearchField;
  readonly testId: string;
  readonly decimal: boolean;
  /** The slider's range: the most useful part of what the field accepts (the box takes the rest). */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** A slider for a quantity; a stepper (− and + beside the box) for a label such as the seed. */
  readonly control: 'slider' | 'stepper';
  readonly label: (strategy: StrategyName) => string | null;
  readonly explain: (strategy: StrategyName, selection: 'puct' | 'uct') => string;
}

export const STRATEGY_EXPLAIN: Readonly<Record<StrategyName, string>> = {
  mcts: 'Grows the tree one simulation at a time: select by Q + exploration, expand, evaluate, back up.',
  beam: 'Keeps the best nodes of each depth by value and expands only those.',
  bon: 'Samples N independent chains; a verified answer wins, else the majority answer.',
  cot: 'One greedy chain of steps: the baseline every search is compared with.',
};

export const SELECTION_EXPLAIN: Readonly<Record<'puct' | 'uct', string>> = {
  puct: "PUCT (AlphaZero): exploration is weighted by the policy's prior P of each step.",
  uct: 'UCT (UCB1 on trees): exploration from visit counts only; the prior P is ignored.',
};

export const STOP_EXPLAIN: Readonly<Record<'solved' | 'budget', string>> = {
  solved: 'Ends as soon as the verifier accepts an answer.',
  budget: 'Spends the whole budget, to watch the search go on after a solution.',
};

export const SETTINGS: readonly SettingSpec[] = [
  {
    field: 'sims',
    testId: 'input-sims',
    decimal: false,
    min: 1,
    max: 256,
    step: 1,
    control: 'slider',
    label: (s) => ({ mcts: 'Simulations', bon: 'N chains', beam: 'Beam width', cot: null })[s],
    explain: (s) =>
      s === 'mcts'
        ? 'Select → expand → evaluate → backpropagate, this many times: the search budget.'
        : s === 'beam'
          ? 'Nodes kept at each depth, the ones with the highest value.'
          : 'Chains sampled independently (they share nodes where they wrote the same steps).',
  },
  {
    field: 'c',
    testId: 'input-c',
    decimal: true,
    min: 0,
    max: 5,
    step: 0.1,
    control: 'slider',
    label: (s) => (s === 'mcts' ? 'c (exploration)' : null),
    explain: (_, selection) =>
      selection === 'puct'
        ? 'Score Q + c·P·√N(parent) / (1 + N): higher c trusts the prior and tries rarer steps.'
        : 'Score Q + c·√(ln N(parent) / N): higher c revisits less-visited children sooner.',
  },
  {
    field: 'k',
    testId: 'input-k',
    decimal: false,
    min: SEARCH_LIMITS.k.min,
    max: SEARCH_LIMITS.k.max,
    step: 1,
    control: 'slider',
    label: (s) =>
      s === 'mcts' ? 'k children per expansion' : s === 'beam' ? 'k children per beam node' : null,
    explain: () => 'Steps the policy samples per expansion; identical samples merge into one child.',
  },
  {
    field: 'temperature',
    testId: 'input-temperature',
    decimal: true,
    min: SEARCH_LIMITS.temperature.min,
    max: SEARCH_LIMITS.temperature.max,
    step: 0.1,
    control: 'slider',
    // The chain decodes greedily, so a temperature would do nothing there.
    label: (s) => (s === 'cot' ? null : 'Temperature T'),
    explain: () => 'The policy samples tokens from softmax(logits / T): 0 is greedy, higher is more varied.',
  },
  {
    field: 'seed',
    testId: 'input-seed',
    decimal: false,
    min: SEARCH_LIMITS.seed.min,
    max: SEARCH_LIMITS.seed.max,
    step: 1,
    control: 'stepper',
    label: () => 'Seed',
    explain: () => 'Seeds the sampling: the same seed and settings grow the same tree.',
  },
];

/** The slider's position for the text in the box: clamped into its range, the minimum while unreadable. */
export function sliderValue(text: string, spec: SettingSpec): number {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return spec.min;
  return Math.min(spec.max, Math.max(spec.min, n));
}

/** The text a slider position writes: decimals cut to the step's, so 0.1 steps never read 0.30000000000000004. */
export function sliderText(value: number, spec: SettingSpec): string {
  return spec.decimal ? String(Math.round(value * 100) / 100) : String(Math.round(value));
}
