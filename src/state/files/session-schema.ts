import { z } from 'zod';
import type { Evaluation, NewChild, SearchEvent } from '../../core/events';
import type { SessionCheckpoint } from '../../core/session';
import { STRATEGY_NAMES, type Phase, type StrategySnapshot } from '../../core/strategies/strategy';
import type { TreeNode } from '../../core/tree';
import type { Checkpoint } from '../search-runner';
import { BACKEND_SETTINGS, type Setup } from '../setup';

/**
 * The zod schemas of a session file (version 1), typed against the engine's own interfaces so
 * that a change there that the file format does not follow fails the typecheck here.
 */

/** Ids are `n<index>`: the pattern also keeps `__proto__` and friends out of the node map. */
export const NODE_ID = /^n\d+$/;
const nodeId = z.string().regex(NODE_ID, { error: 'expected a node id like "n12"' });
const count = z.number().int().nonnegative();
// z.number() refuses NaN and ±Infinity in zod 4, so every number in a file is finite.
const num = z.number();

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
  'expand-here',
] as const satisfies readonly Checkpoint['operator'][];

export const setupSchema: z.ZodType<Setup> = z.object({
  task: z.enum(['countdown', 'math']),
  numbers: z.string(),
  target: z.string(),
  problem: z.string(),
  question: z.string(),
  answer: z.string(),
  policy: z.string(),
  value: z.string(),
  hub: z.string(),
  strategy: z.enum(STRATEGY_NAMES),
  sims: z.string(),
  c: z.string(),
  k: z.string(),
  temperature: z.string(),
  seed: z.string(),
  selection: z.enum(['puct', 'uct']),
  backend: z.enum(BACKEND_SETTINGS),
  stop: z.enum(['solved', 'budget']),
  // Added after version 1 was first written: older files mean the default, on.
  cache: z.enum(['on', 'off']).default('on'),
});

export const treeNodeSchema: z.ZodType<TreeNode> = z.object({
  id: nodeId,
  parentId: nodeId.nullable(),
  childIds: z.array(nodeId),
  depth: count,
  text: z.string(),
  logProb: num,
  prior: num,
  tokens: count,
  samples: count,
  status: z.enum(['open', 'expanded', 'solved', 'failed', 'answered']),
  reason: z.string().optional(),
  answer: z.string().optional(),
  value: num.optional(),
  visits: count,
  valueSum: num,
  ownVisits: count,
  ownValueSum: num,
  pruned: z.boolean(),
});

const newChildSchema: z.ZodType<NewChild> = z.object({
  text: z.string(),
  logProb: num,
  prior: num,
  tokens: count,
  samples: count,
  status: z.enum(['open', 'solved', 'failed', 'answered']),
  reason: z.string().optional(),
  answer: z.string().optional(),
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
  z.object({ type: z.literal('prune'), nodeId }),
  z.object({ type: z.literal('backtrack'), fromId: nodeId, toId: nodeId, reason: z.string() }),
  z.object({ type: z.literal('answer'), nodeId, solved: z.boolean(), answer: z.string() }),
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
  answer: z.string().optional(),
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
