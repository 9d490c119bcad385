import {
  DEFAULT_CONFIG,
  STRATEGY_NAMES,
  type SearchConfig,
  type StrategyName,
} from '../core/strategies/strategy';
import {
  MAX_INPUT_NUMBER,
  MAX_NUMBERS,
  MAX_TARGET,
  MIN_NUMBERS,
  type CountdownProblem,
} from '../core/tasks/countdown';
import { CountdownSolver } from '../core/tasks/countdown-solver';

/**
 * The whole setup of the playground — the problem as typed and the search parameters — as it
 * appears in the URL (`?task=countdown&numbers=4,5,6,10&target=24&strategy=mcts&sims=32&seed=1`).
 * Fields keep the text the user typed, so an invalid value can be shown beside its field; a
 * search starts only from a setup without errors.
 */
export type BackendSetting = 'auto' | 'webgpu' | 'wasm';
export const BACKEND_SETTINGS: readonly BackendSetting[] = ['auto', 'webgpu', 'wasm'];

export interface Setup {
  readonly task: 'countdown';
  readonly numbers: string;
  readonly target: string;
  readonly strategy: StrategyName;
  readonly sims: string;
  readonly c: string;
  readonly k: string;
  readonly temperature: string;
  readonly seed: string;
  readonly selection: 'puct' | 'uct';
  readonly backend: BackendSetting;
  /** Stop at the first verified solution, or spend the whole budget (to watch the search go on). */
  readonly stop: 'solved' | 'budget';
}

export type SetupField = keyof Setup;
export type SetupErrors = Partial<Record<SetupField, string>>;

export const DEFAULT_SETUP: Setup = {
  task: 'countdown',
  numbers: '1,2,4,7',
  target: '24',
  strategy: 'mcts',
  sims: String(DEFAULT_CONFIG.simulations),
  c: String(DEFAULT_CONFIG.c),
  k: String(DEFAULT_CONFIG.k),
  temperature: String(DEFAULT_CONFIG.temperature),
  seed: String(DEFAULT_CONFIG.seed),
  selection: DEFAULT_CONFIG.selection,
  backend: 'auto',
  stop: 'solved',
};

/** URL parameter of each field (the names: sims, temp). */
const PARAM: Record<SetupField, string> = {
  task: 'task',
  numbers: 'numbers',
  target: 'target',
  strategy: 'strategy',
  sims: 'sims',
  c: 'c',
  k: 'k',
  temperature: 'temp',
  seed: 'seed',
  selection: 'selection',
  backend: 'backend',
  stop: 'stop',
};

export interface ParsedSetup {
  readonly setup: Setup;
  /** Values in the URL that cannot be used at all (an unknown strategy, ...): the default is kept. */
  readonly urlErrors: SetupErrors;
}

function pick<T extends string>(
  value: string | null,
  allowed: readonly T[],
  field: SetupField,
  errors: SetupErrors,
): T | undefined {
  if (value === null) return undefined;
  const found = allowed.find((a) => a === value);
  if (!found) errors[field] = `unknown ${field} "${value}" in the URL (one of ${allowed.join(', ')})`;
  return found;
}

/** Reads a setup from a query string; free-text fields are kept as written and validated later. */
export function setupFromQuery(query: string): ParsedSetup {
  const params = new URLSearchParams(query);
  const errors: SetupErrors = {};
  const text = (field: SetupField): string | undefined => params.get(PARAM[field]) ?? undefined;
  const task = pick(params.get('task'), ['countdown', 'game24'] as const, 'task', errors);
  const setup: Setup = {
    ...DEFAULT_SETUP,
    ...(task === 'game24' && !params.has('target') ? { target: '24' } : {}),
    ...definedOnly({
      numbers: text('numbers'),
      target: text('target'),
      sims: text('sims'),
      c: text('c'),
      k: text('k'),
      temperature: text('temperature'),
      seed: text('seed'),
      strategy: pick(params.get('strategy'), STRATEGY_NAMES, 'strategy', errors),
      selection: pick(params.get('selection'), ['puct', 'uct'] as const, 'selection', errors),
      backend: pick(params.get('backend'), BACKEND_SETTINGS, 'backend', errors),
      stop: pick(params.get('stop'), ['solved', 'budget'] as const, 'stop', errors),
    }),
  };
  return { setup, urlErrors: errors };
}

function definedOnly<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** The query string for a setup; fields at their default are written too, so a URL is complete. */
export function setupToQuery(setup: Setup): string {
  const params = new URLSearchParams();
  for (const field of Object.keys(PARAM) as SetupField[]) {
    if ((field === 'backend' && setup.backend === 'auto') || (field === 'stop' && setup.stop === 'solved'))
      continue;
    params.set(PARAM[field], setup[field].replace(/\s+/g, ''));
  }
  // Keep commas readable in the address bar.
  return params.toString().replace(/%2C/g, ',');
}

export interface ValidSetup {
  readonly problem: CountdownProblem;
  readonly config: SearchConfig;
}

function integer(text: string, field: SetupField, min: number, max: number, errors: SetupErrors): number {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !Number.isInteger(n) || n < min || n > max)
    errors[field] = `a whole number from ${min} to ${max}`;
  return n;
}

function decimal(text: string, field: SetupField, min: number, max: number, errors: SetupErrors): number {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !Number.isFinite(n) || n < min || n > max) errors[field] = `a number from ${min} to ${max}`;
  return n;
}

export function parseNumbers(text: string, errors: SetupErrors): number[] {
  const parts = text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const numbers = parts.map(Number);
  const bad = parts.find((_, i) => {
    const n = numbers[i] ?? Number.NaN;
    return !Number.isInteger(n) || n < 1 || n > MAX_INPUT_NUMBER;
  });
  if (bad !== undefined) errors.numbers = `"${bad}" is not a whole number from 1 to ${MAX_INPUT_NUMBER}`;
  else if (numbers.length < MIN_NUMBERS || numbers.length > MAX_NUMBERS)
    errors.numbers = `give ${MIN_NUMBERS} to ${MAX_NUMBERS} numbers, separated by commas (got ${numbers.length})`;
  return numbers;
}

const solver = new CountdownSolver();

/**
 * Checks every field; a valid setup also passes the exhaustive solver, so an unsolvable puzzle is
 * reported before any search starts.
 */
export function validateSetup(setup: Setup): { valid?: ValidSetup; errors: SetupErrors } {
  const errors: SetupErrors = {};
  const numbers = parseNumbers(setup.numbers, errors);
  const target = integer(setup.target, 'target', 1, MAX_TARGET, errors);
  const simulations = integer(setup.sims, 'sims', 1, 512, errors);
  const c = decimal(setup.c, 'c', 0, 10, errors);
  const k = integer(setup.k, 'k', 1, 32, errors);
  const temperature = decimal(setup.temperature, 'temperature', 0, 3, errors);
  const seed = integer(setup.seed, 'seed', 0, 2 ** 31 - 1, errors);
  if (!errors.numbers && !errors.target && !solver.isSolvable({ numbers, target })) {
    errors.target = `unsolvable: no sequence of + - × ÷ on ${numbers.join(', ')} reaches ${target}`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const config: SearchConfig = {
    ...DEFAULT_CONFIG,
    strategy: setup.strategy,
    simulations,
    c,
    k,
    temperature,
    seed,
    selection: setup.selection,
    stopOnSolved: setup.stop === 'solved',
  };
  return { valid: { problem: { numbers, target }, config }, errors };
}
