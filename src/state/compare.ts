import { STRATEGY_NAMES, type StrategyName } from '../core/strategies/strategy';
import type { ModelProvider } from './model-provider';
import { setupFromQuery, setupToQuery, type Setup } from './setup';

/**
 * The compare view: two strategies side by side on the same problem, seed and models. Its URL is
 * the playground's setup plus `compare=a,b`; each column is a store of its own opened on the setup
 * with the strategy replaced, over one shared model provider.
 */
export type ComparePair = readonly [StrategyName, StrategyName];

/**
 * A column may also name its value model after a colon (`compare=mcts:prm,mcts:orm`): the
 * process-trained value model against the outcome model on the same puzzle, or `none`.
 */
export const COMPARE_VALUES = {
  prm: 'countdown-value',
  orm: 'countdown-orm',
  none: 'none',
} as const;
export type CompareValue = keyof typeof COMPARE_VALUES;
export type CompareValues = readonly [CompareValue | undefined, CompareValue | undefined];

export type CompareParse =
  | { readonly pair: ComparePair; readonly values: CompareValues; readonly error?: undefined }
  | { readonly pair?: undefined; readonly error: string }
  | null;

const VALUE_NAMES = Object.keys(COMPARE_VALUES) as CompareValue[];

/** The `compare` parameter of a query: null when absent, an error message when unusable. */
export function parseCompare(query: string): CompareParse {
  const raw = new URLSearchParams(query).get('compare');
  if (raw === null) return null;
  const entries = raw.split(',').map((n) => n.trim().split(':'));
  const known = entries.map(([n]) => STRATEGY_NAMES.find((s) => s === n));
  const values = entries.map(([, v]) => VALUE_NAMES.find((name) => name === v));
  const badValue = entries.some(([, v], i) => v !== undefined && values[i] === undefined);
  const [a, b] = known;
  if (entries.length !== 2 || a === undefined || b === undefined || badValue) {
    return {
      error: `compare needs two strategies, e.g. compare=mcts,cot (each one of ${STRATEGY_NAMES.join(', ')}, optionally with :${VALUE_NAMES.join('|')} for its value, as in compare=mcts:prm,mcts:orm); got "${raw}"`,
    };
  }
  return { pair: [a, b], values: [values[0], values[1]] };
}

/** The query that opens one column: the shared setup with that column's strategy (and value). */
export function columnQuery(query: string, strategy: StrategyName, value?: CompareValue): string {
  const { setup } = setupFromQuery(query);
  return setupToQuery({ ...setup, strategy, ...(value ? { value: COMPARE_VALUES[value] } : {}) });
}

/** The compare view's address for a setup and a pair of strategies (each with its value, if named). */
export function compareQuery(
  setup: Setup,
  pair: ComparePair,
  values: CompareValues = [undefined, undefined],
): string {
  const entry = (i: 0 | 1) => (values[i] ? `${pair[i]}:${values[i]}` : pair[i]);
  return `${setupToQuery(setup)}&compare=${entry(0)},${entry(1)}`;
}

/** The playground's address for the same setup (leaving the compare view). */
export function playgroundQuery(query: string): string {
  return setupToQuery(setupFromQuery(query).setup);
}

export interface SharedProvider {
  /** The provider each column's store gets: loads are shared, cancels are the view's to make. */
  readonly forColumn: ModelProvider;
  /** Stops every model request of both columns (Reset both). */
  cancelAll(): void;
}

/**
 * One set of models for both columns: the same load request returns the same promise, so the
 * models are fetched and held once. A column's own reset must not cancel the other column's
 * requests in the shared worker, so its cancelAll does nothing; the view cancels both at once.
 */
export function shareProvider(provider: ModelProvider): SharedProvider {
  const loads = new Map<string, ReturnType<ModelProvider['load']>>();
  return {
    forColumn: {
      load: (backend, models, onProgress) => {
        const key = JSON.stringify([backend, models]);
        let load = loads.get(key);
        if (!load) {
          load = provider.load(backend, models, onProgress);
          loads.set(key, load);
          // A failed load may be retried; only successful ones are shared from then on.
          load.catch(() => loads.delete(key));
        }
        return load;
      },
      cancelAll: () => undefined,
      // Both columns run on the one worker: both are told when it is lost and replaced.
      onWorkerEvent: (listener) => provider.onWorkerEvent?.(listener),
    },
    cancelAll: () => provider.cancelAll(),
  };
}
