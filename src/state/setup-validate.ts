import { DEFAULT_CONFIG, refines, type SearchConfig } from '../core/strategies/strategy';
import {
  MAX_INPUT_NUMBER,
  MAX_NUMBERS,
  MAX_TARGET,
  MIN_NUMBERS,
  type CountdownProblem,
} from '../core/tasks/countdown';
import { CountdownSolver } from '../core/tasks/countdown-solver';
import { parseLearnedModelId } from '../inference/learned-models';
import { InvalidMathProblemError, validateMathProblem, type MathProblem } from '../core/tasks/math';
import { MATH_PROBLEMS } from '../core/tasks/math-problems';
import { TASK_MODELS, type DtypeSetting, type Setup, type SetupErrors, type SetupField } from './setup';

export interface EngineChoice {
  readonly base: string;
  readonly model: string;
}

/** How the search values its nodes, when no verifier can. */
export type ValueChoice =
  | { readonly kind: 'model'; readonly id: string }
  | { readonly kind: 'self-eval' }
  | { readonly kind: 'rollout' }
  | { readonly kind: 'none' };

export interface ModelChoice {
  /** The policy on an OpenAI-compatible server instead of in the page (engine=openai). */
  readonly engine?: EngineChoice;
  readonly policy: string;
  readonly value: ValueChoice;
  readonly hub: string;
  /** The prefix cache on the models' side (the worker's). */
  readonly prefixCache: boolean;
  /** Hub models' weights when the user picked them; by the device otherwise. */
  readonly dtype?: Exclude<DtypeSetting, 'auto'>;
}

export type ValidProblem =
  | { readonly task: 'countdown'; readonly problem: CountdownProblem }
  | { readonly task: 'math'; readonly problem: MathProblem };

export type ValidSetup = ValidProblem & { readonly config: SearchConfig; readonly models: ModelChoice };

/** The search's numeric settings: their range, and whether they must be whole numbers. */
export type SearchField = Extract<
  SetupField,
  'sims' | 'c' | 'k' | 'temperature' | 'seed' | 'threshold' | 'parallel'
>;
export const SEARCH_LIMITS: Readonly<Record<SearchField, { min: number; max: number; whole: boolean }>> = {
  sims: { min: 1, max: 512, whole: true },
  c: { min: 0, max: 10, whole: false },
  k: { min: 1, max: 32, whole: true },
  temperature: { min: 0, max: 3, whole: false },
  seed: { min: 0, max: 2 ** 31 - 1, whole: true },
  threshold: { min: 0, max: 1, whole: false },
  parallel: { min: 1, max: 16, whole: true },
};

/** What is wrong with `text` as the search setting `field`, or undefined when it is usable. */
export function searchFieldError(field: SearchField, text: string): string | undefined {
  const errors: SetupErrors = {};
  const { min, max, whole } = SEARCH_LIMITS[field];
  (whole ? integer : decimal)(text, field, min, max, errors);
  return errors[field];
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

function countdownProblem(setup: Setup, errors: SetupErrors): CountdownProblem {
  const numbers = parseNumbers(setup.numbers, errors);
  const target = integer(setup.target, 'target', 1, MAX_TARGET, errors);
  if (!errors.numbers && !errors.target && !solver.isSolvable({ numbers, target })) {
    errors.target = `unsolvable: no sequence of + - × ÷ on ${numbers.join(', ')} reaches ${target}`;
  }
  return { numbers, target };
}

function mathProblem(setup: Setup, errors: SetupErrors): MathProblem {
  if (setup.problem !== 'custom') {
    const preset = MATH_PROBLEMS.find((p) => p.id === setup.problem);
    if (!preset)
      errors.problem = `no built-in problem "${setup.problem}" (m01 to m${MATH_PROBLEMS.length}, or custom)`;
    return preset ?? { question: '' };
  }
  try {
    return validateMathProblem(setup.question, setup.answer);
  } catch (e) {
    if (!(e instanceof InvalidMathProblemError)) throw e;
    if (/answer/.test(e.message)) errors.answer = e.message;
    else errors.question = e.message;
    return { question: setup.question };
  }
}

const MODEL_ID = /^[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/;

/** The models a setup asks for; problems go into `errors` under policy, value and hub. */
export function modelChoice(setup: Setup, errors: SetupErrors): ModelChoice {
  const engine = setup.engine === 'openai' ? engineChoice(setup, errors) : undefined;
  // On a server the policy field is not used: the server's model is.
  const policy = engine ? TASK_MODELS[setup.task].policy : setup.policy.trim();
  if (engine) {
    // Nothing to check: the server's model stands in for the policy.
  } else if (!MODEL_ID.test(policy)) errors.policy = `"${policy}" is not a model id (like owner/name)`;
  else if (setup.task === 'math' && (policy === 'countdown-policy' || parseLearnedModelId(policy)))
    errors.policy = 'the Countdown policy writes only Countdown steps: pick an instruct model for math';
  else if (setup.task === 'countdown' && policy.includes('/'))
    errors.policy = 'Countdown runs on the embedded countdown-policy (hub models are for the math task)';
  const v = setup.value.trim();
  let value: ValueChoice = { kind: 'none' };
  if (v === 'self-eval' || v === 'rollout' || v === 'none') value = { kind: v };
  else if (!MODEL_ID.test(v)) errors.value = `"${v}" is not a value model id, self-eval, rollout or none`;
  else if (
    setup.task === 'math' &&
    (v === 'countdown-value' || v === 'countdown-orm' || parseLearnedModelId(v))
  )
    errors.value =
      'the Countdown value model scores only Countdown traces: use self-eval or rollout for math';
  else value = { kind: 'model', id: v };
  let hub = setup.hub.trim();
  try {
    const url = new URL(hub);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    hub = hub.replace(/\/+$/, '');
  } catch {
    errors.hub = `"${hub}" is not an http(s) address`;
  }
  return {
    ...(engine ? { engine } : {}),
    ...(setup.dtype !== 'auto' ? { dtype: setup.dtype } : {}),
    policy,
    value,
    hub,
    prefixCache: setup.cache === 'on',
  };
}

/** A server model's name: what vLLM, SGLang and Ollama accept (owner/name, name:tag). */
const ENGINE_MODEL = /^[\w.:@/-]{1,200}$/;

function engineChoice(setup: Setup, errors: SetupErrors): EngineChoice {
  const base = setup.engineBase.trim().replace(/\/+$/, '');
  const model = setup.engineModel.trim();
  try {
    const url = new URL(base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    errors.engineBase = base === '' ? 'the server address is empty' : `"${base}" is not an http(s) address`;
  }
  if (!ENGINE_MODEL.test(model))
    errors.engineModel = model === '' ? 'name the model the server serves' : `"${model}" is not a model name`;
  return { base, model };
}

/**
 * Checks every field; a valid Countdown setup also passes the exhaustive solver, so an unsolvable
 * puzzle is reported before any search starts.
 */
export function validateSetup(setup: Setup): { valid?: ValidSetup; errors: SetupErrors } {
  const errors: SetupErrors = {};
  const target: ValidProblem =
    setup.task === 'math'
      ? { task: 'math', problem: mathProblem(setup, errors) }
      : { task: 'countdown', problem: countdownProblem(setup, errors) };
  const limit = (field: SearchField) => {
    const { min, max, whole } = SEARCH_LIMITS[field];
    return (whole ? integer : decimal)(setup[field], field, min, max, errors);
  };
  const simulations = limit('sims');
  const c = limit('c');
  const k = limit('k');
  const temperature = limit('temperature');
  const seed = limit('seed');
  const threshold = limit('threshold');
  const parallel = limit('parallel');
  const models = modelChoice(setup, errors);
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
    variant: setup.variant,
    solver: setup.solver === 'on',
    // Only Countdown names its states; for math the switch does nothing.
    graph: setup.graph === 'on',
    refine: setup.refine === 'on' && refines(setup.strategy),
    threshold,
    parallel,
    stopOnSolved: setup.stop === 'solved',
    // A math step is a paragraph, a Countdown step one short line.
    maxStepTokens: setup.task === 'math' ? 160 : DEFAULT_CONFIG.maxStepTokens,
  };
  return { valid: { ...target, config, models }, errors };
}
