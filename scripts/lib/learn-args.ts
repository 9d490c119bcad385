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
  --train policy,value      the models each round trains (default both)
  --outcome-negatives unsolved|proven   outcome 0 for every unsolved searched state, or only where the search proved failure (default ${DEFAULT_LEARN.outcomeNegatives})
  --policy-temperature T    policy target pi ~ N^(1/T) over the simulations through each step (default ${DEFAULT_LEARN.policyTarget.temperature})
  --policy-states solved|all  states whose visits teach the policy (default ${DEFAULT_LEARN.policyTarget.from}: a verified solution below)
  --policy-lr X, --value-lr X   Adam learning rates (default ${DEFAULT_LEARN.policyTrain.learningRate}, ${DEFAULT_LEARN.valueTrain.learningRate})
  --limit N                 measure only the first N puzzles of --eval
  --json OUT                the generations as JSON (rewritten after every generation)
  --out DIR                 write the final pair as model folders (countdown-policy, countdown-value)
  --save-generations        also write every generation's pair under DIR/generation-N/`;

export interface LearnArgs {
  readonly config: LearnConfig;
  readonly eval: string;
  readonly json: string;
  readonly out: string | undefined;
  readonly saveGenerations: boolean;
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
        train: { type: 'string' },
        'policy-temperature': { type: 'string' },
        'policy-states': { type: 'string' },
        'outcome-negatives': { type: 'string' },
        'policy-lr': { type: 'string' },
        'value-lr': { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'string' },
        out: { type: 'string' },
        'save-generations': { type: 'boolean' },
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
  const train = (values.train ?? 'policy,value').split(',').map((s) => s.trim());
  if (train.some((t) => t !== 'policy' && t !== 'value'))
    throw new UsageError(`--train takes policy, value or both, got "${values.train}"`);
  const states = values['policy-states'] ?? DEFAULT_LEARN.policyTarget.from;
  if (states !== 'solved' && states !== 'all')
    throw new UsageError(`--policy-states must be solved or all, got "${states}"`);
  const negatives = values['outcome-negatives'] ?? DEFAULT_LEARN.outcomeNegatives;
  if (negatives !== 'unsolved' && negatives !== 'proven')
    throw new UsageError(`--outcome-negatives must be unsolved or proven, got "${negatives}"`);
  const positive = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || v <= 0) throw new UsageError(`--${name} must be a number > 0, got "${raw}"`);
    return v;
  };
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
      policyTrain: {
        ...DEFAULT_LEARN.policyTrain,
        epochs,
        learningRate: positive('policy-lr', values['policy-lr'], DEFAULT_LEARN.policyTrain.learningRate),
      },
      valueTrain: {
        ...DEFAULT_LEARN.valueTrain,
        epochs,
        learningRate: positive('value-lr', values['value-lr'], DEFAULT_LEARN.valueTrain.learningRate),
      },
      train: train as ('policy' | 'value')[],
      outcomeNegatives: negatives,
      policyTarget: {
        temperature: positive(
          'policy-temperature',
          values['policy-temperature'],
          DEFAULT_LEARN.policyTarget.temperature,
        ),
        from: states,
      },
    },
    eval: values.eval,
    json: values.json,
    out: values.out,
    saveGenerations: values['save-generations'] === true,
    limit: values.limit === undefined ? undefined : int('limit', values.limit, 0, 1),
  };
}
