import { DEFAULT_CONFIG, type MctsVariant, type StrategyName } from '../core/strategies/strategy';

/**
 * The whole setup of the playground — the problem as typed and the search parameters — as it
 * appears in the URL (`?task=countdown&numbers=4,5,6,10&target=24&strategy=mcts&sims=32&seed=1`).
 * Fields keep the text the user typed, so an invalid value can be shown beside its field; a
 * search starts only from a setup without errors.
 */
export type BackendSetting = 'auto' | 'webgpu' | 'wasm';
export const BACKEND_SETTINGS: readonly BackendSetting[] = ['auto', 'webgpu', 'wasm'];

export type TaskName = 'countdown' | 'math';

export type EngineSetting = 'local' | 'openai';

/** Hub models' weights: by the device (auto), or one the user picks. */
export type DtypeSetting = 'auto' | 'q8' | 'q4' | 'q4f16' | 'fp32';
export const DTYPE_SETTINGS: readonly DtypeSetting[] = ['auto', 'q8', 'q4', 'q4f16', 'fp32'];
export const ENGINE_SETTINGS: readonly EngineSetting[] = ['local', 'openai'];

/** Where models come from when their id names a hub repository (`owner/name`). */
export const DEFAULT_HUB = 'https://huggingface.co';

/** The models each task starts with: the embedded Countdown pair, a small instruct model for math. */
export const TASK_MODELS: Readonly<Record<TaskName, { policy: string; value: string }>> = {
  countdown: { policy: 'countdown-policy', value: 'countdown-value' },
  math: { policy: 'onnx-community/Qwen2.5-0.5B-Instruct', value: 'self-eval' },
};

/**
 * Search budgets each task starts with: a Countdown step is a few tokens of a tiny model, a math
 * step a paragraph of an LLM, so math starts with fewer, narrower expansions.
 */
export const TASK_SEARCH: Readonly<Record<TaskName, { sims: string; k: string; temperature: string }>> = {
  countdown: { sims: '64', k: '16', temperature: '1.3' },
  math: { sims: '16', k: '4', temperature: '0.8' },
};

export interface Setup {
  readonly task: TaskName;
  readonly numbers: string;
  readonly target: string;
  /** Math: a built-in problem's id, or 'custom' for the question and answer typed in. */
  readonly problem: string;
  readonly question: string;
  /** Math, custom: the known answer, or empty when there is none. */
  readonly answer: string;
  /** The policy model: an embedded name or a hub id. */
  readonly policy: string;
  /** The value: a value model id, 'self-eval', 'rollout' or 'none'. */
  readonly value: string;
  readonly hub: string;
  readonly strategy: StrategyName;
  readonly sims: string;
  readonly c: string;
  readonly k: string;
  readonly temperature: string;
  readonly seed: string;
  readonly selection: 'puct' | 'uct';
  /** MCTS and Gumbel: how the tree counts and backs up (SearchConfig.variant). */
  readonly variant: MctsVariant;
  /** MCTS-Solver: never select a node proven failed. */
  readonly solver: 'on' | 'off';
  /** MCTS and Gumbel: one node per state (a DAG of states). */
  readonly graph: 'on' | 'off';
  /** MCTS, Gumbel and the chain: rewrite failed or low-valued steps after a critique. */
  readonly refine: 'on' | 'off';
  /** BFS and DFS: the value below which a child is pruned. */
  readonly threshold: string;
  /** MCTS and Gumbel: leaves per round with virtual loss (SearchConfig.parallel). */
  readonly parallel: string;
  /** Hub models' weights (the embedded models are always fp32). */
  readonly dtype: DtypeSetting;
  /** Where the policy runs: in this page (transformers.js), or on an OpenAI-compatible server. */
  readonly engine: EngineSetting;
  /** engine=openai: the server's address (URL `base`). */
  readonly engineBase: string;
  /** engine=openai: the model the server serves (URL `model`). */
  readonly engineModel: string;
  readonly backend: BackendSetting;
  /** Stop at the first verified solution, or spend the whole budget (to watch the search go on). */
  readonly stop: 'solved' | 'budget';
  /** Reuse the models' keys/values of contexts seen before (the prefix cache). */
  readonly cache: 'on' | 'off';
}

export type SetupField = keyof Setup;
export type SetupErrors = Partial<Record<SetupField, string>>;

export const DEFAULT_SETUP: Setup = {
  task: 'countdown',
  numbers: '1,8,10,11',
  target: '24',
  problem: 'm01',
  question: '',
  answer: '',
  policy: TASK_MODELS.countdown.policy,
  value: TASK_MODELS.countdown.value,
  hub: DEFAULT_HUB,
  strategy: 'mcts',
  sims: String(DEFAULT_CONFIG.simulations),
  c: String(DEFAULT_CONFIG.c),
  k: String(DEFAULT_CONFIG.k),
  temperature: String(DEFAULT_CONFIG.temperature),
  seed: String(DEFAULT_CONFIG.seed),
  selection: DEFAULT_CONFIG.selection,
  variant: DEFAULT_CONFIG.variant,
  solver: DEFAULT_CONFIG.solver ? 'on' : 'off',
  graph: DEFAULT_CONFIG.graph ? 'on' : 'off',
  refine: DEFAULT_CONFIG.refine ? 'on' : 'off',
  threshold: String(DEFAULT_CONFIG.threshold),
  parallel: String(DEFAULT_CONFIG.parallel),
  dtype: 'auto',
  engine: 'local',
  engineBase: '',
  engineModel: '',
  backend: 'auto',
  stop: 'solved',
  cache: 'on',
};

export { MAX_SETUP_CHARS, setupFromQuery, setupToQuery, usesThreshold, type ParsedSetup } from './setup-url';
