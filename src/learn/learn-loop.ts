import { evaluatePuzzles } from '../core/evaluate';
import type { SessionModels } from '../core/session';
import { DEFAULT_CONFIG, type SearchConfig } from '../core/strategies/strategy';
import type { CountdownProblem } from '../core/tasks/countdown';
import { tokenRow } from './batches';
import {
  DEFAULT_POLICY_TARGET,
  type OutcomeNegatives,
  type PolicyTargetOptions,
  type ValueTarget,
} from './examples';
import { paramNames, readGptParams, writeGptParams, type GptParams } from './gpt-params';
import { generatePuzzles, puzzleKey } from './puzzles';
import { selfPlay, selfPlayConfig, type SelfPlayRecord } from './self-play';
import { DEFAULT_TRAIN, trainModel, type LossPoint, type TrainOptions } from './trainer';

/**
 * Expert iteration, AlphaZero-style, over the embedded Countdown models: measure generation 0,
 * then per round: self-play with the current pair, add the searches to the replay buffer, train
 * the policy on visit distributions and the value on outcomes (or backed-up Q), write the weights
 * back into the ONNX graphs, load them, and measure the new generation on the same held-out file.
 */
export interface LearnConfig {
  readonly rounds: number;
  readonly puzzlesPerRound: number;
  /** MCTS simulations for self-play and for the measured search. */
  readonly simulations: number;
  readonly seed: number;
  readonly valueTarget: ValueTarget;
  /** 'none': no value model at generation 0 (the first value model starts from the policy's trunk). */
  readonly from: 'none' | 'shipped';
  /** Numbers per self-play puzzle (drawn uniformly from these). */
  readonly sizes: readonly number[];
  readonly policyTrain: TrainOptions;
  readonly valueTrain: TrainOptions;
  /** Rounds of self-play kept in the replay buffer (older ones are dropped). */
  readonly bufferRounds: number;
  /** The models each round trains (the other keeps its weights). */
  readonly train: readonly ('policy' | 'value')[];
  /** Which searched states the outcome target calls failures (examples.ts). */
  readonly outcomeNegatives: OutcomeNegatives;
  /** How visit counts become the policy's target (examples.ts). */
  readonly policyTarget: PolicyTargetOptions;
  readonly search: SearchConfig;
  /**
   * Simulation budgets measured at every generation (the solve-rate-against-simulations curve);
   * `simulations` is always among them and gives the generation's `mcts` figure.
   */
  readonly measureSimulations?: readonly number[];
}

export const DEFAULT_LEARN: LearnConfig = {
  rounds: 3,
  puzzlesPerRound: 300,
  simulations: 16,
  seed: 1,
  valueTarget: 'outcome',
  from: 'none',
  sizes: [4],
  policyTrain: { ...DEFAULT_TRAIN, learningRate: 2e-4 },
  valueTrain: { ...DEFAULT_TRAIN, learningRate: 3e-4 },
  bufferRounds: 3,
  policyTarget: DEFAULT_POLICY_TARGET,
  outcomeNegatives: 'unsolved',
  train: ['policy', 'value'],
  search: DEFAULT_CONFIG,
};

export interface ModelBytes {
  readonly policy: Uint8Array;
  readonly value: Uint8Array | null;
}

export interface LoadedPair extends SessionModels {
  dispose(): Promise<void>;
}

/** Where the loop gets ONNX templates and runs graphs: the Node CLI or the browser worker. */
export interface ModelHost {
  /** The shipped graphs (the value template is used for its layout even when starting from none). */
  readonly shipped: { readonly policy: Uint8Array; readonly value: Uint8Array };
  load(models: ModelBytes): Promise<LoadedPair>;
}

export interface CurvePoint {
  readonly simulations: number;
  readonly rate: number;
}

export interface Generation {
  readonly round: number;
  readonly mcts: { readonly rate: number; readonly solved: number; readonly total: number };
  /** Solve rate at each measured simulation budget. */
  readonly curve: readonly CurvePoint[];
  readonly chain: { readonly rate: number };
  readonly valueLoss: number | null;
  readonly policyLoss: number | null;
  /** Examples (paths) in the replay buffer this generation trained on. */
  readonly examples: number;
  /** Share of this round's self-play searches that found a solution. */
  readonly selfPlaySolved: number | null;
  readonly seconds: number;
}

export interface LearnHooks {
  onPhase?(phase: 'evaluate' | 'self-play' | 'train-policy' | 'train-value', round: number): void;
  onSelfPlay?(record: SelfPlayRecord, index: number, total: number): void;
  onLoss?(point: LossPoint, round: number): void;
  onGeneration?(generation: Generation, models: ModelBytes): void;
  between?(): Promise<void>;
}

/**
 * Where a run starts other than from scratch: a stored generation (its round, weights and
 * measurement: it is not measured again) and/or a replay buffer kept from before (earlier rounds,
 * saved sessions, imported files). Rounds continue from the generation's round.
 */
export interface LearnStart {
  readonly from?: { readonly generation: Generation; readonly models: ModelBytes };
  readonly buffer?: readonly SelfPlayRecord[];
}

export interface LearnResult {
  readonly generations: Generation[];
  readonly models: ModelBytes;
  readonly buffer: SelfPlayRecord[];
}

/** A value model that starts from the policy's trunk with a zero head (0.5 everywhere). */
export function valueFromPolicy(policy: GptParams): GptParams {
  const d = policy.shape.nEmbd;
  const tensors = { ...policy.tensors };
  tensors['v_head.weight'] = { shape: [d, 1], data: new Float32Array(d) };
  tensors['v_head.bias'] = { shape: [1], data: new Float32Array(1) };
  for (const name of paramNames('value', policy.shape.nLayer)) if (!tensors[name]) throw new Error(name);
  return { kind: 'value', shape: policy.shape, tensors };
}

/** 1 in 10 puzzles (by a hash of the puzzle) is held out to measure the losses. */
export function isHeldOut(puzzle: CountdownProblem): boolean {
  let h = 0x811c9dc5;
  for (const c of puzzleKey(puzzle)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h % 10 === 0;
}

export async function measure(
  puzzles: readonly CountdownProblem[],
  config: LearnConfig,
  models: SessionModels,
): Promise<Pick<Generation, 'mcts' | 'chain' | 'curve'>> {
  const budgets = [...new Set([...(config.measureSimulations ?? []), config.simulations])].sort(
    (a, b) => a - b,
  );
  const base = { ...config.search, strategy: 'mcts' as const, seed: config.seed };
  const curve: CurvePoint[] = [];
  let mcts: Generation['mcts'] = { rate: 0, solved: 0, total: 0 };
  for (const simulations of budgets) {
    const report = await evaluatePuzzles(puzzles, { ...base, simulations }, models);
    curve.push({ simulations, rate: report.rate });
    if (simulations === config.simulations)
      mcts = { rate: report.rate, solved: report.solved, total: report.total };
  }
  const chain = await evaluatePuzzles(
    puzzles,
    { ...base, strategy: 'cot', temperature: 0 },
    { policy: models.policy },
  );
  return { mcts, curve, chain: { rate: chain.rate } };
}

export async function learn(
  host: ModelHost,
  evalPuzzles: readonly CountdownProblem[],
  heldOutKeys: ReadonlySet<string>,
  config: LearnConfig,
  hooks: LearnHooks = {},
  start: LearnStart = {},
): Promise<LearnResult> {
  const now = () => globalThis.performance.now();
  let models: ModelBytes = start.from?.models ?? {
    policy: host.shipped.policy,
    value: config.from === 'shipped' ? host.shipped.value : null,
  };
  const generations: Generation[] = [];
  let buffer: SelfPlayRecord[] = [...(start.buffer ?? [])];
  const start0 = now();
  hooks.onPhase?.('evaluate', start.from?.generation.round ?? 0);
  let pair = await host.load(models);
  if (start.from) generations.push(start.from.generation);
  else {
    const g0: Generation = {
      round: 0,
      ...(await measure(evalPuzzles, config, pair)),
      valueLoss: null,
      policyLoss: null,
      examples: 0,
      selfPlaySolved: null,
      seconds: (now() - start0) / 1000,
    };
    generations.push(g0);
    hooks.onGeneration?.(g0, models);
  }
  const everHeld = new Set([...heldOutKeys, ...evalPuzzles.map(puzzleKey)]);
  const first = (start.from?.generation.round ?? 0) + 1;
  for (let round = first; round < first + config.rounds; round++) {
    const started = now();
    hooks.onPhase?.('self-play', round);
    const puzzles = generatePuzzles(
      config.puzzlesPerRound,
      config.sizes,
      config.seed * 1000 + round,
      everHeld,
    );
    const records = await selfPlay(
      puzzles,
      selfPlayConfig(config.search, config.simulations, config.seed * 1000 + round),
      pair,
      round,
      {
        onRecord: hooks.onSelfPlay,
        between: hooks.between,
      },
      config.policyTarget,
      config.outcomeNegatives,
    );
    await pair.dispose();
    buffer = [...buffer, ...records].filter((r) => r.round > round - config.bufferRounds);
    const rows = (held: boolean) =>
      buffer
        .filter((r) => isHeldOut(r.puzzle) === held)
        .flatMap((r) => r.examples.map((e) => tokenRow(e, config.valueTarget)));
    const [train, heldOut] = [rows(false), rows(true)];
    const seed = config.seed * 1000 + round;
    const trainHooks = { onPoint: (p: LossPoint) => hooks.onLoss?.(p, round), between: hooks.between };
    let policyLoss: number | null = null;
    let valueLoss: number | null = null;
    const next: { policy: Uint8Array; value: Uint8Array | null } = { ...models };
    if (config.train.includes('policy')) {
      hooks.onPhase?.('train-policy', round);
      const policy = await trainModel(
        readGptParams('policy', models.policy),
        train,
        heldOut,
        { ...config.policyTrain, seed },
        trainHooks,
      );
      next.policy = writeGptParams(host.shipped.policy, policy.params);
      policyLoss = policy.heldOutLoss;
    }
    if (config.train.includes('value')) {
      hooks.onPhase?.('train-value', round);
      const valueStart = models.value
        ? readGptParams('value', models.value)
        : valueFromPolicy(readGptParams('policy', models.policy));
      const value = await trainModel(valueStart, train, heldOut, { ...config.valueTrain, seed }, trainHooks);
      next.value = writeGptParams(host.shipped.value, value.params);
      valueLoss = value.heldOutLoss;
    }
    models = next;
    hooks.onPhase?.('evaluate', round);
    pair = await host.load(models);
    const g: Generation = {
      round,
      ...(await measure(evalPuzzles, config, pair)),
      valueLoss,
      policyLoss,
      examples: buffer.reduce((a, r) => a + r.examples.length, 0),
      selfPlaySolved: records.filter((r) => r.solved).length / Math.max(1, records.length),
      seconds: (now() - started) / 1000,
    };
    generations.push(g);
    hooks.onGeneration?.(g, models);
  }
  await pair.dispose();
  return { generations, models, buffer };
}
