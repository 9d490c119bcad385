import { refines, type MctsVariant, type StrategyName } from '../../core/strategies/strategy';
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
  /** `refine`: the Refine operator is on (the threshold then matters beyond BFS and DFS). */
  readonly label: (strategy: StrategyName, refine: boolean) => string | null;
  readonly explain: (strategy: StrategyName, selection: 'puct' | 'uct') => string;
}

export const STRATEGY_EXPLAIN: Readonly<Record<StrategyName, string>> = {
  mcts: 'Grows the tree one simulation at a time: select by Q + exploration, expand, evaluate, back up.',
  beam: 'Keeps the best nodes of each depth by value and expands only those.',
  bon: 'Samples N independent chains; a verified answer wins, else the majority answer.',
  cot: 'One greedy chain of steps: the baseline every search is compared with.',
  bfs: 'ToT BFS: keeps the b best states per depth; prunes the rest and any below the threshold.',
  dfs: 'ToT DFS: follows the best child, prunes those below the threshold, backtracks when none is left.',
  dvts: "Hugging Face's DVTS: N/M independent subtrees, each keeping the best of M samples per step.",
  gumbel: 'Gumbel MCTS root: m first steps drawn by Gumbel-top-m; Sequential Halving shares the budget.',
};

export const VARIANT_EXPLAIN: Readonly<Record<MctsVariant, string>> = {
  children: "Every new child is evaluated and counts as a visit (this playground's first MCTS).",
  alphazero:
    'AlphaZero: only the selected leaf is evaluated; its children wait at N = 0, ranked by their prior P.',
  x1: 'x1: no prior; U = √(N−1)/(1+N(a))·(1.25 + ln((N+19652)/19652)); Q backed up with γ 0.96.',
};

export const SOLVER_EXPLAIN = 'A node whose sampled steps all failed is proven failed; selection skips it.';

export const REFINE_EXPLAIN =
  'A rejected or low-valued step is shown back with a critique; the rewrite joins the tree beside it.';

/** Where this refine differs from Self-Refine (the checkbox's tooltip and the lesson say it). */
export const REFINE_CAVEAT =
  "Self-Refine has the model write its own critique; here the critique is fixed text quoting the verifier's reason (or the low value), as Reflexion and CRITIC feed back outside signals. Meant for instruct models (math on a hub model): the embedded Countdown policy never saw a critique.";

export const GRAPH_EXPLAIN = 'The same numbers left, in any order, are one node: the tree becomes a DAG.';

/** Where this solver differs from the textbook one (the checkbox's tooltip and the lesson say it). */
export const SOLVER_CAVEAT =
  'In a game tree the children are every legal move, so the proof is exact; here they are the k steps sampled, so it proves only that nothing drawn below can succeed.';

const MCTS_LIKE: ReadonlySet<StrategyName> = new Set(['mcts', 'gumbel']);

/** MCTS and Gumbel: the strategies whose tree the variant and the solver change. */
export function isMctsLike(strategy: StrategyName): boolean {
  return MCTS_LIKE.has(strategy);
}

export const SELECTION_EXPLAIN: Readonly<Record<'puct' | 'uct', string>> = {
  puct: "PUCT (AlphaZero): exploration is weighted by the policy's prior P of each step.",
  uct: 'UCT (UCB1 on trees): exploration from visit counts only; the prior P is ignored.',
};

export const STOP_EXPLAIN: Readonly<Record<'solved' | 'budget', string>> = {
  solved: 'Ends as soon as the verifier accepts an answer.',
  budget: 'Spends the whole budget, to watch the search go on after a solution.',
};

const SIMS_EXPLAIN: Readonly<Record<StrategyName, string>> = {
  mcts: 'Select → expand → evaluate → backpropagate, this many times: the search budget.',
  gumbel: 'The budget: the root is expanded once, then halving shares the rest among the drawn steps.',
  beam: 'Nodes kept at each depth, the ones with the highest value.',
  bfs: 'States kept at each depth (ToT used b = 5 for Game of 24).',
  dfs: 'Nodes expanded before DFS gives up (ToT bounds its DFS by a step limit).',
  dvts: 'The root gets N samples; the subtrees share N per step (N/M subtrees of M).',
  bon: 'Chains sampled independently (they share nodes where they wrote the same steps).',
  cot: 'One greedy chain.',
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
    label: (s) =>
      ({
        mcts: 'Simulations',
        gumbel: 'Simulations',
        bon: 'N chains',
        beam: 'Beam width',
        bfs: 'Breadth b',
        dfs: 'Expansions (step limit)',
        dvts: 'N (samples per step)',
        cot: null,
      })[s],
    explain: (s) => SIMS_EXPLAIN[s],
  },
  {
    field: 'c',
    testId: 'input-c',
    decimal: true,
    min: 0,
    max: 5,
    step: 0.1,
    control: 'slider',
    label: (s) => (isMctsLike(s) ? 'c (exploration)' : null),
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
      ({
        mcts: 'k children per expansion',
        gumbel: 'k children per expansion',
        dfs: 'k children per expansion',
        beam: 'k children per beam node',
        bfs: 'k children per state',
        dvts: 'M (width of each subtree)',
        bon: null,
        cot: null,
      })[s],
    explain: (s) =>
      s === 'dvts'
        ? 'Each subtree samples M steps and keeps the best; N/M subtrees run side by side.'
        : 'Steps the policy samples per expansion; identical samples merge into one child.',
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
    field: 'threshold',
    testId: 'input-threshold',
    decimal: true,
    min: 0,
    max: 1,
    step: 0.05,
    control: 'slider',
    label: (s, refine) => (s === 'bfs' || s === 'dfs' || (refine && refines(s)) ? 'Value threshold' : null),
    explain: (s) =>
      s === 'bfs' || s === 'dfs'
        ? "A child the value model scores below this is pruned (ToT's v_th)."
        : 'A new step the value model scores below this is refined, like a step the verifier rejects.',
  },
  {
    field: 'parallel',
    testId: 'input-parallel',
    decimal: false,
    min: SEARCH_LIMITS.parallel.min,
    max: SEARCH_LIMITS.parallel.max,
    step: 1,
    control: 'slider',
    label: (s) => (isMctsLike(s) ? 'Parallel leaves (virtual loss)' : null),
    explain: () =>
      'Leaves picked per round, each adding a virtual loss; expanded in one call (1: one at a time).',
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
