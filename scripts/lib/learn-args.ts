import { parseArgs } from 'node:util';
import { DEFAULT_LEARN, type LearnConfig } from '../../src/learn/learn-loop';
import { UsageError } from './eval-args';

export const LEARN_USAGE = `usage: npm run learn -- --eval FILE.jsonl --json OUT.json [options]
  --rounds R                rounds of self-play + training (default ${DEFAULT_LEARN.rounds})
  --puzzles-per-round P     generated self-play puzzles per round (default ${DEFAULT_LEARN.puzzlesPerRound})
  --simulations S           MCTS simulations, self-play and measurement (default ${DEFAULT_LEARN.simulations})
  --eval FILE               held-out puzzles (JSONL) measured at every generation; never trained on
  --from none|shipped       generation 0: the shipped policy with no value model, or the shipped pair (default none)
  --seed N                  (default ${DEFAULT_LEARN.seed}); same seed, same weights and figures
  --value-target outcome|process   the value's target: solution reached below, or backed-up Q (default outcome)
  --sizes 4                 numbers per self-play puzzle, comma-separated (e.g. 3,4,5; default 4)
  --epochs N                epochs over the replay buffer per round (default ${DEFAULT_LEARN.policyTrain.epochs})
  --limit N                 measure only the first N puzzles of --eval
  --json OUT                the generations as JSON (rewritten after every generation)
  --out DIR                 write the final pair as model folders (countdown-policy, countdown-value)`;

export interface LearnArgs {
  readonly config: LearnConfig;
  readonly eval: string;
  readonly json: string;
  readonly out: string | undefined;
  readonly limit: number | undefined;
}

function int(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min)
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return v;
}

export function parseLearnArgs(argv: readonly string[]): LearnArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        rounds: { type: 'string' },
        'puzzles-per-round': { type: 'string' },
        simulations: { type: 'string' },
        eval: { type: 'string' },
        from: { type: 'string' },
        seed: { type: 'string' },
        'value-target': { type: 'string' },
        sizes: { type: 'string' },
        epochs: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!values.eval) throw new UsageError('--eval FILE is required');
  if (!values.json) throw new UsageError('--json OUT is required');
  const from = values.from ?? 'none';
  if (from !== 'none' && from !== 'shipped')
    throw new UsageError(`--from must be none or shipped, got "${from}"`);
  const target = values['value-target'] ?? 'outcome';
  if (target !== 'outcome' && target !== 'process')
    throw new UsageError(`--value-target must be outcome or process, got "${target}"`);
  const sizes = (values.sizes ?? '4').split(',').map((s) => int('sizes', s.trim(), 4, 3));
  if (sizes.some((n) => n > 5)) throw new UsageError('--sizes: puzzles have 3 to 5 numbers');
  const epochs = int('epochs', values.epochs, DEFAULT_LEARN.policyTrain.epochs, 1);
  return {
    config: {
      ...DEFAULT_LEARN,
      rounds: int('rounds', values.rounds, DEFAULT_LEARN.rounds, 0),
      puzzlesPerRound: int(
        'puzzles-per-round',
        values['puzzles-per-round'],
        DEFAULT_LEARN.puzzlesPerRound,
        1,
      ),
      simulations: int('simulations', values.simulations, DEFAULT_LEARN.simulations, 1),
      seed: int('seed', values.seed, DEFAULT_LEARN.seed, 0),
      from,
      valueTarget: target,
      sizes,
      policyTrain: { ...DEFAULT_LEARN.policyTrain, epochs },
      valueTrain: { ...DEFAULT_LEARN.valueTrain, epochs },
    },
    eval: values.eval,
    json: values.json,
    out: values.out,
    limit: values.limit === undefined ? undefined : int('limit', values.limit, 0, 1),
  };
}
