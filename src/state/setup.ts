import {
  DEFAULT_CONFIG,
  MCTS_VARIANTS,
  refines,
  STRATEGY_NAMES,
  type MctsVariant,
  type StrategyName,
} from '../core/strategies/strategy';
import { searchFieldError, type SearchField } from './setup-validate';

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

/** URL parameter of each field (the names: sims, temp). */
const PARAM: Record<SetupField, string> = {
  task: 'task',
  numbers: 'numbers',
  target: 'target',
  problem: 'problem',
  question: 'question',
  answer: 'answer',
  policy: 'policy',
  value: 'value',
  hub: 'hub',
  strategy: 'strategy',
  sims: 'sims',
  c: 'c',
  k: 'k',
  temperature: 'temp',
  seed: 'seed',
  selection: 'selection',
  variant: 'variant',
  solver: 'solver',
  graph: 'graph',
  refine: 'refine',
  threshold: 'threshold',
  parallel: 'parallel',
  dtype: 'dtype',
  engine: 'engine',
  engineBase: 'base',
  engineModel: 'model',
  backend: 'backend',
  stop: 'stop',
  cache: 'cache',
};

/**
 * The longest value a setup field takes from a URL or a session file: a custom math question is
 * at most 2,000 characters (MAX_QUESTION_LENGTH); a longer value is no setup but a pasted mistake
 * or an attempt to fill the page, and it would be quoted whole in its error message.
 */
export const MAX_SETUP_CHARS = 2000;

export interface ParsedSetup {
  readonly setup: Setup;
  /** Values in the URL that cannot be used at all (an unknown strategy, ...): the default is kept. */
  readonly urlErrors: SetupErrors;
}

/** A URL value as a message quotes it. */
function short(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

function pick<T extends string>(
  value: string | null,
  allowed: readonly T[],
  field: SetupField,
  errors: SetupErrors,
): T | undefined {
  if (value === null) return undefined;
  const found = allowed.find((a) => a === value);
  if (!found) errors[field] = `unknown ${field} "${short(value)}" in the URL (one of ${allowed.join(', ')})`;
  return found;
}

/** Reads a setup from a query string; free-text fields are kept as written and validated later. */
export function setupFromQuery(query: string): ParsedSetup {
  const params = new URLSearchParams(query);
  const errors: SetupErrors = {};
  const text = (field: SetupField): string | undefined => {
    const value = params.get(PARAM[field]);
    if (value === null || value.length <= MAX_SETUP_CHARS) return value ?? undefined;
    errors[field] =
      `${PARAM[field]} in the URL is ${value.length.toLocaleString('en')} characters long ` +
      `(at most ${MAX_SETUP_CHARS.toLocaleString('en')}): the default is kept`;
    return undefined;
  };
  const task = pick(params.get('task'), ['countdown', 'game24', 'math'] as const, 'task', errors);
  const taskName: TaskName = task === 'math' ? 'math' : 'countdown';
  // A search setting the URL gets wrong is refused here, so the page still opens ready to search
  // with the default; the problem's own fields stay as written, to be corrected in the panel.
  const defaults: Setup = { ...DEFAULT_SETUP, ...TASK_SEARCH[taskName] };
  const search = (field: SearchField): string | undefined => {
    const value = text(field);
    const why = value === undefined ? undefined : searchFieldError(field, value);
    if (why === undefined) return value;
    errors[field] =
      `${PARAM[field]}=${short(value ?? '')} in the URL is not usable (${why}): the default ${defaults[field]} is kept`;
    return undefined;
  };
  const setup: Setup = {
    ...DEFAULT_SETUP,
    task: taskName,
    ...TASK_MODELS[taskName],
    ...TASK_SEARCH[taskName],
    ...(task === 'game24' && !params.has('target') ? { target: '24' } : {}),
    ...definedOnly({
      numbers: text('numbers'),
      target: text('target'),
      problem: text('problem'),
      question: text('question'),
      answer: text('answer'),
      policy: text('policy'),
      value: text('value'),
      hub: text('hub'),
      sims: search('sims'),
      c: search('c'),
      k: search('k'),
      temperature: search('temperature'),
      seed: search('seed'),
      threshold: search('threshold'),
      parallel: search('parallel'),
      engineBase: text('engineBase'),
      engineModel: text('engineModel'),
      engine: pick(params.get('engine'), ENGINE_SETTINGS, 'engine', errors),
      dtype: pick(params.get('dtype'), DTYPE_SETTINGS, 'dtype', errors),
      strategy: pick(params.get('strategy'), STRATEGY_NAMES, 'strategy', errors),
      selection: pick(params.get('selection'), ['puct', 'uct'] as const, 'selection', errors),
      variant: pick(params.get('variant'), MCTS_VARIANTS, 'variant', errors),
      solver: pick(params.get('solver'), ['on', 'off'] as const, 'solver', errors),
      graph: pick(params.get('graph'), ['on', 'off'] as const, 'graph', errors),
      refine: pick(params.get('refine'), ['on', 'off'] as const, 'refine', errors),
      backend: pick(params.get('backend'), BACKEND_SETTINGS, 'backend', errors),
      stop: pick(params.get('stop'), ['solved', 'budget'] as const, 'stop', errors),
      cache: pick(params.get('cache'), ['on', 'off'] as const, 'cache', errors),
    }),
  };
  return { setup, urlErrors: errors };
}

function definedOnly<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

const FREE_TEXT: ReadonlySet<SetupField> = new Set([
  'question',
  'answer',
  'hub',
  'policy',
  'value',
  'engineBase',
  'engineModel',
]);

/** Only the fields of the setup's task, and settings away from their defaults, go in the URL. */
/** Whether the value threshold matters: BFS and DFS prune below it, refine rewrites below it. */
export function usesThreshold(setup: Pick<Setup, 'strategy' | 'refine'>): boolean {
  return (
    setup.strategy === 'bfs' || setup.strategy === 'dfs' || (setup.refine === 'on' && refines(setup.strategy))
  );
}

function writes(setup: Setup, field: SetupField): boolean {
  switch (field) {
    case 'backend':
      return setup.backend !== 'auto';
    case 'stop':
      return setup.stop !== 'solved';
    case 'cache':
      return setup.cache !== 'on';
    // Written only where the strategy reads them, so older addresses stay as they were.
    case 'variant':
    case 'solver':
    case 'graph':
      return (
        (setup.strategy === 'mcts' || setup.strategy === 'gumbel') && setup[field] !== DEFAULT_SETUP[field]
      );
    case 'refine':
      return refines(setup.strategy) && setup.refine !== DEFAULT_SETUP.refine;
    case 'threshold':
      return usesThreshold(setup) && setup.threshold !== DEFAULT_SETUP.threshold;
    case 'hub':
      return setup.hub !== DEFAULT_HUB;
    case 'dtype':
      return setup.dtype !== 'auto';
    case 'engine':
    case 'engineBase':
    case 'engineModel':
      return setup.engine === 'openai';
    case 'parallel':
      return (
        (setup.strategy === 'mcts' || setup.strategy === 'gumbel') &&
        setup.parallel !== DEFAULT_SETUP.parallel
      );
    case 'numbers':
    case 'target':
      return setup.task === 'countdown';
    case 'problem':
      return setup.task === 'math';
    case 'question':
    case 'answer':
      return setup.task === 'math' && setup.problem === 'custom';
    case 'policy':
    case 'value':
      return setup[field] !== TASK_MODELS[setup.task][field];
    default:
      return true;
  }
}

/** The query string for a setup; fields at their default are written too, so a URL is complete. */
export function setupToQuery(setup: Setup): string {
  const params = new URLSearchParams();
  for (const field of Object.keys(PARAM) as SetupField[]) {
    if (!writes(setup, field)) continue;
    const value = setup[field];
    params.set(PARAM[field], FREE_TEXT.has(field) ? value : value.replace(/\s+/g, ''));
  }
  // Keep commas readable in the address bar.
  return params.toString().replace(/%2C/g, ',');
}
