import { MCTS_VARIANTS, refines, STRATEGY_NAMES } from '../core/strategies/strategy';
import {
  BACKEND_SETTINGS,
  DEFAULT_HUB,
  DEFAULT_SETUP,
  DTYPE_SETTINGS,
  ENGINE_SETTINGS,
  TASK_MODELS,
  TASK_SEARCH,
  type Setup,
  type SetupErrors,
  type SetupField,
  type TaskName,
} from './setup';
import { searchFieldError, type SearchField } from './setup-validate';

/**
 * The setup as a URL's query string and back (`?task=countdown&numbers=4,5,6,10&target=24&...`):
 * what the address bar holds, what a shared link opens.
 */
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

/** Whether the value threshold matters: BFS and DFS prune below it, refine rewrites below it. */
export function usesThreshold(setup: Pick<Setup, 'strategy' | 'refine'>): boolean {
  return (
    setup.strategy === 'bfs' || setup.strategy === 'dfs' || (setup.refine === 'on' && refines(setup.strategy))
  );
}

/** Only the fields of the setup's task, and settings away from their defaults, go in the URL. */
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
