import { z } from 'zod';
import type { Evaluation, NewChild, SearchEvent } from '../../core/events';
import type { SessionCheckpoint } from '../../core/session';
import {
  MCTS_VARIANTS,
  STRATEGY_NAMES,
  type Phase,
  type StrategySnapshot,
} from '../../core/strategies/strategy';
import type { TreeNode } from '../../core/tree';
import type { Checkpoint } from '../search-runner';
import {
  BACKEND_SETTINGS,
  DEFAULT_SETUP,
  DTYPE_SETTINGS,
  ENGINE_SETTINGS,
  MAX_SETUP_CHARS,
  type Setup,
} from '../setup';

/**
 * The zod schemas of a session file (version 1), typed against the engine's own interfaces so
 * that a change there that the file format does not follow fails the typecheck here.
 */

/** Ids are `n<index>`: the pattern also keeps `__proto__` and friends out of the node map. */
export const NODE_ID = /^n\d+$/;
const nodeId = z.string().max(12).regex(NODE_ID, { error: 'expected a node id like "n12"' });
const count = z.number().int().nonnegative();
// z.number() refuses NaN and ±Infinity in zod 4, so every number in a file is finite.
const num = z.number();
/**
 * Step text, reasons and answers: a playground step is at most a paragraph (160 tokens for math);
 * the bound keeps a hostile file's megabyte "step" out of the drawing and out of messages.
 */
export const MAX_SESSION_TEXT = 20_000;
const text = z.string().max(MAX_SESSION_TEXT);
/** A setup field as typed or read from a URL (setup.ts has the same bound for URL values). */
const field = z.string().max(MAX_SETUP_CHARS);

const PHASES = [
  'select',
  'expand',
  'evaluate',
  'backpropagate',
  'aggregate',
  'done',
] as const satisfies readonly Phase[];
const OPERATORS = [
  ...PHASES,
  'start',
  'prune',
  'write',
  'expand-here',
] as const satisfies readonly Checkpoint['operator'][];

export const setupSchema: z.ZodType<Setup> = z.object({
  task: z.enum(['countdown', 'math']),
  numbers: field,
  target: field,
  problem: field,
  question: field,
  answer: field,
  policy: field,
  value: field,
  hub: field,
  strategy: z.enum(STRATEGY_NAMES),
  sims: field,
  c: field,
  k: field,
  temperature: field,
  seed: field,
  selection: z.enum(['puct', 'uct']),
  backend: z.enum(BACKEND_SETTINGS),
  stop: z.enum(['solved', 'budget']),
  // Added after version 1 was first written: older files mean the default, on.
  cache: z.enum(['on', 'off']).default('on'),
  // Added with the toolbox (issue 15): older files mean today's defaults.
  variant: z.enum(MCTS_VARIANTS).default(DEFAULT_SETUP.variant),
  solver: z.enum(['on', 'off']).default(DEFAULT_SETUP.solver),
  graph: z.enum(['on', 'off']).default(DEFAULT_SETUP.graph),
  refine: z.enum(['on', 'off']).default(DEFAULT_SETUP.refine),
  threshold: field.default(DEFAULT_SETUP.threshold),
  // Added with the server engine (issue 16).
  parallel: field.default(DEFAULT_SETUP.parallel),
  engine: z.enum(ENGINE_SETTINGS).default(DEFAULT_SETUP.engine),
  dtype: z.enum(DTYPE_SETTINGS).default(DEFAULT_SETUP.dtype),
  engineBase: field.default(DEFAULT_SETUP.engineBase),
  engineModel: field.default(DEFAULT_SETUP.engineModel),
});

export const treeNodeSchema: z.ZodType<TreeNode> = z.object({
  id: nodeId,
  parentId: nodeId.nullable(),
  childIds: z.array(nodeId),
  depth: count,
  text,
  logProb: num,
  prior: num,
  tokens: count,
  samples: count,
  status: z.enum(['open', 'expanded', 'solved', 'failed', 'answered']),
  reason: text.optional(),
  answer: text.optional(),
  value: num.optional(),
  visits: count,
  valueSum: num,
  ownVisits: count,
  ownValueSum: num,
  pruned: z.boolean(),
  proven: z.enum(['solved', 'failed']).optional(),
  transpositionOf: nodeId.optional(),
  transpositions: z.array(nodeId).optional(),
  refines: nodeId.optional(),
  critique: text.optional(),
  written: z.literal(true).optional(),
});

const newChildSchema: z.ZodType<NewChild> = z.object({
  text,
  logProb: num,
  prior: num,
  tokens: count,
  samples: count,
  status: z.enum(['open', 'solved', 'failed', 'answered']),
  reason: text.optional(),
  answer: text.optional(),
  transpositionOf: nodeId.optional(),
});

const evaluationSchema: z.ZodType<Evaluation> = z.object({
  nodeId,
  value: num,
  source: z.enum(['value-model', 'verifier']),
});

export const eventSchema: z.ZodType<SearchEvent> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('select'), nodeIds: z.array(nodeId), kind: z.enum(['path', 'beam']) }),
  z.object({ type: z.literal('expand'), parentId: nodeId, children: z.array(newChildSchema) }),
  z.object({ type: z.literal('evaluate'), evaluations: z.array(evaluationSchema) }),
  z.object({ type: z.literal('backpropagate'), nodeIds: z.array(nodeId), visits: count, valueSum: num }),
  z.object({
    type: z.literal('backup'),
    updates: z.array(z.object({ nodeId, visits: count, valueSum: num })),
  }),
  z.object({ type: z.literal('prove'), nodeIds: z.array(nodeId), outcome: z.enum(['solved', 'failed']) }),
  z.object({ type: z.literal('prune'), nodeId }),
  z.object({ type: z.literal('backtrack'), fromId: nodeId, toId: nodeId, reason: text }),
  z.object({ type: z.literal('refine'), nodeId, critique: text, child: newChildSchema }),
  z.object({ type: z.literal('write'), parentId: nodeId, child: newChildSchema }),
  z.object({ type: z.literal('answer'), nodeId, solved: z.boolean(), answer: text }),
]);

const sessionCheckpointSchema: z.ZodType<SessionCheckpoint> = z.object({
  eventCount: count,
  rngState: count,
  generatedTokens: count,
  policyCalls: count,
  valueCalls: count,
});

/** The strategy's state is opaque here: only the strategy that wrote it can read it. */
const snapshotSchema: z.ZodType<StrategySnapshot> = z.object({
  strategy: z.enum(STRATEGY_NAMES),
  state: z.unknown(),
});

export const checkpointSchema: z.ZodType<Checkpoint> = z.object({
  session: sessionCheckpointSchema,
  strategy: snapshotSchema,
  operator: z.enum(OPERATORS),
  next: z.enum(PHASES),
});

export const summarySchema = z.object({
  strategy: z.enum(STRATEGY_NAMES),
  simulations: count,
  generatedTokens: count,
  nodes: count,
  solved: z.boolean(),
  answer: text.optional(),
});

export const sessionSchema = z.object({
  format: z.literal('rlm-playground/session'),
  version: z.literal(1),
  exportedAt: z.iso.datetime({ offset: true }),
  setup: setupSchema,
  tree: z.object({
    rootId: z.literal('n0'),
    nextId: z.number().int().positive(),
    nodes: z.array(treeNodeSchema).min(1),
  }),
  events: z.array(eventSchema),
  checkpoints: z.array(checkpointSchema),
  summary: summarySchema,
});
