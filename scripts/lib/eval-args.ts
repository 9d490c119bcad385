import { parseArgs } from 'node:util';
import {
  DEFAULT_CONFIG,
  MCTS_VARIANTS,
  STRATEGY_NAMES,
  type SearchConfig,
  type StrategyName,
} from '../../src/core/strategies/strategy';
import type { ModelDtype } from '../../src/inference/transformers-models';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EVAL_USAGE = `usage: npm run eval -- --puzzles FILE.jsonl [options]
  --task countdown          the task (only countdown for now)
  --puzzles FILE            JSONL, one {"numbers":[4,5,6,10],"target":24} a line
  --strategy cot|bon|beam|mcts|bfs|dfs|dvts|gumbel   (default mcts)
  --simulations N           MCTS/Gumbel simulations; N for best-of-N and DVTS; beam/BFS width;
                            DFS expansions (default 64)
  --variant children|alphazero|x1   how MCTS counts and backs up (default children)
  --solver on|off           MCTS-Solver: never select a node proven failed (default off)
  --graph on|off            MCTS/Gumbel: one node per state, a DAG of states (default off)
  --refine on|off           cot/MCTS/Gumbel: rewrite a failed or low-valued step after a critique
                            (default off; meant for instruct models, see docs/toolbox.md)
  --parallel P              MCTS/Gumbel: leaves per round with virtual loss (default 1)
  --engine local|openai     run the policy in-process (default) or on an OpenAI-compatible server
  --base URL                openai: the server, e.g. http://localhost:8000 (key: OPENAI_API_KEY)
  --model NAME              openai: the model the server serves
  --threshold V             BFS/DFS: prune children valued below V; refine: rewrite below V
                            (default ${DEFAULT_CONFIG.threshold})
  --value prm|orm|none      the process-trained value model, the outcome model, or none (default prm)
  --stop solved|budget      stop at the first verified solution, or spend the whole budget
                            (then chosenSolved says whether the search's own choice is right)
  --seed S                  (default 1)
  --k N                     children per expansion / per beam node (default ${DEFAULT_CONFIG.k})
  --temperature T           sampling temperature (default ${DEFAULT_CONFIG.temperature}; the chain is greedy)
  --c C                     exploration constant (default ${DEFAULT_CONFIG.c})
  --selection puct|uct      (default puct)
  --max-tokens N            generated-token budget per puzzle (default none)
  --dtype q8|fp32           model weights (default q8)
  --models DIR              model folders (default public/models)
  --limit N                 only the first N puzzles
  --json OUT                also write the report as JSON`;

export interface EvalArgs {
  readonly puzzles: string;
  readonly config: SearchConfig;
  readonly dtype: ModelDtype;
  readonly modelsDir: string | undefined;
  /** The value: the process-trained model, the outcome model, or none (value=none in the page). */
  readonly value: 'prm' | 'orm' | 'none';
  readonly limit: number | undefined;
  readonly json: string | undefined;
  /** The policy on a server engine instead of in-process. */
  readonly engine: { readonly base: string; readonly model: string } | undefined;
}

function number(
  name: string,
  raw: string | undefined,
  fallback: number,
  integer: boolean,
  min: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        task: { type: 'string' },
        puzzles: { type: 'string' },
        strategy: { type: 'string' },
        simulations: { type: 'string' },
        seed: { type: 'string' },
        k: { type: 'string' },
        temperature: { type: 'string' },
        c: { type: 'string' },
        selection: { type: 'string' },
        variant: { type: 'string' },
        solver: { type: 'string' },
        threshold: { type: 'string' },
        value: { type: 'string' },
        stop: { type: 'string' },
        graph: { type: 'string' },
        refine: { type: 'string' },
        parallel: { type: 'string' },
        engine: { type: 'string' },
        base: { type: 'string' },
        model: { type: 'string' },
        'max-tokens': { type: 'string' },
        dtype: { type: 'string' },
        models: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  oneOf('task', values.task, ['countdown'], 'countdown');
  if (!values.puzzles) throw new UsageError('--puzzles FILE is required');
  const strategy: StrategyName = oneOf('strategy', values.strategy, STRATEGY_NAMES, 'mcts');
  const config: SearchConfig = {
    ...DEFAULT_CONFIG,
    strategy,
    simulations: number('simulations', values.simulations, 64, true, 1),
    seed: number('seed', values.seed, 1, true, 0),
    k: number('k', values.k, DEFAULT_CONFIG.k, true, 1),
    temperature: number('temperature', values.temperature, DEFAULT_CONFIG.temperature, false, 0),
    c: number('c', values.c, DEFAULT_CONFIG.c, false, 0),
    selection: oneOf('selection', values.selection, ['puct', 'uct'], 'puct'),
    maxTokens: number('max-tokens', values['max-tokens'], Number.POSITIVE_INFINITY, true, 1),
    variant: oneOf('variant', values.variant, MCTS_VARIANTS, DEFAULT_CONFIG.variant),
    solver: oneOf('solver', values.solver, ['on', 'off'], DEFAULT_CONFIG.solver ? 'on' : 'off') === 'on',
    threshold: number('threshold', values.threshold, DEFAULT_CONFIG.threshold, false, 0),
    graph: oneOf('graph', values.graph, ['on', 'off'], 'off') === 'on',
    refine: oneOf('refine', values.refine, ['on', 'off'], 'off') === 'on',
    parallel: number('parallel', values.parallel, 1, true, 1),
    stopOnSolved: oneOf('stop', values.stop, ['solved', 'budget'], 'solved') === 'solved',
  };
  const engine = oneOf('engine', values.engine, ['local', 'openai'], 'local');
  if (engine === 'openai' && (!values.base || !values.model))
    throw new UsageError('--engine openai needs --base URL and --model NAME');
  return {
    engine: engine === 'openai' ? { base: values.base ?? '', model: values.model ?? '' } : undefined,
    puzzles: values.puzzles,
    config,
    dtype: oneOf('dtype', values.dtype, ['q8', 'fp32'], 'q8'),
    modelsDir: values.models,
    value: oneOf('value', values.value, ['prm', 'orm', 'none'], 'prm'),
    limit: values.limit === undefined ? undefined : number('limit', values.limit, 0, true, 1),
    json: values.json,
  };
}
