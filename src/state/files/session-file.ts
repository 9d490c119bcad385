import type { z } from 'zod';
import { applyEvent, type SearchEvent } from '../../core/events';
import type { StrategyName } from '../../core/strategies/strategy';
import { createTree, firstSolvedNode, nodeIdAt, type ReasoningTree, type TreeNode } from '../../core/tree';
import type { Checkpoint } from '../search-runner';
import type { Setup } from '../setup';
import { formatZodError, ImportError, isRecord, rejectPrototypeKeys, shortJson } from './import-error';
import { sessionSchema, summarySchema } from './session-schema';
import { checkJsonDepth, MAX_SESSION_DEPTH } from './json-limits';
import { decodeSnapshotState, encodeSnapshotState, SnapshotEncodingError } from './snapshot-json';

/**
 * The playground's own file: a whole session (setup, event log, checkpoints) as versioned JSON.
 * docs/tree-format.md documents every field. The tree is redundant with the log, written so
 * that other tools can read it without replaying; an import checks that the two agree.
 */
export const SESSION_FORMAT = 'rlm-playground/session';
export const SESSION_VERSION = 1;

export type SessionSummary = z.infer<typeof summarySchema>;

export interface SessionFile {
  readonly format: typeof SESSION_FORMAT;
  readonly version: typeof SESSION_VERSION;
  /** ISO 8601 time of the export. */
  readonly exportedAt: string;
  readonly setup: Setup;
  readonly tree: { readonly rootId: 'n0'; readonly nextId: number; readonly nodes: readonly TreeNode[] };
  readonly events: readonly SearchEvent[];
  /** Strategy states as the strategies keep them (Maps included); serializeSession tags those. */
  readonly checkpoints: readonly Checkpoint[];
  readonly summary: SessionSummary;
}

/** Node ids in creation order: n0, n1, ... (the order replay creates them in). */
function nodesInIdOrder(tree: ReasoningTree): TreeNode[] {
  const nodes: TreeNode[] = [];
  for (let i = 0; i < tree.nextId; i++) {
    const node = tree.nodes[nodeIdAt(i)];
    if (node) nodes.push(structuredClone(node));
  }
  return nodes;
}

export function summarize(
  strategy: StrategyName,
  events: readonly SearchEvent[],
  tree: ReasoningTree,
  checkpoints: readonly Checkpoint[],
): SessionSummary {
  // The strategy's own answer wins; a search stopped early may still hold a verified solution.
  const answered = events.findLast((e) => e.type === 'answer');
  const solvedNode = firstSolvedNode(tree);
  const outcome =
    answered?.type === 'answer'
      ? { solved: answered.solved, answer: answered.answer }
      : solvedNode
        ? { solved: true, ...(solvedNode.answer !== undefined ? { answer: solvedNode.answer } : {}) }
        : { solved: false };
  return {
    strategy,
    simulations: checkpoints.filter((c) => c.operator === 'backpropagate').length,
    generatedTokens: checkpoints.at(-1)?.session.generatedTokens ?? 0,
    nodes: Object.keys(tree.nodes).length,
    ...outcome,
  };
}

export function sessionFile(input: {
  setup: Setup;
  events: readonly SearchEvent[];
  tree: ReasoningTree;
  checkpoints: readonly Checkpoint[];
  exportedAt: Date;
}): SessionFile {
  const { setup, events, tree, checkpoints } = input;
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    exportedAt: input.exportedAt.toISOString(),
    setup: { ...setup },
    tree: { rootId: 'n0', nextId: tree.nextId, nodes: nodesInIdOrder(tree) },
    events: structuredClone([...events]),
    checkpoints: structuredClone([...checkpoints]),
    summary: summarize(setup.strategy, events, tree, checkpoints),
  };
}

/** Pretty JSON (2 spaces), with the strategies' Maps and non-finite numbers tagged. */
export function serializeSession(file: SessionFile): string {
  const checkpoints = file.checkpoints.map((c) => ({
    ...c,
    strategy: { ...c.strategy, state: encodeSnapshotState(c.strategy.state) },
  }));
  return JSON.stringify({ ...file, checkpoints }, null, 2);
}

const COMPARED: readonly (keyof TreeNode)[] = [
  'parentId',
  'childIds',
  'depth',
  'text',
  'logProb',
  'prior',
  'tokens',
  'samples',
  'status',
  'reason',
  'answer',
  'value',
  'visits',
  'valueSum',
  'ownVisits',
  'ownValueSum',
  'pruned',
];

function show(value: unknown): string {
  return value === undefined ? 'absent' : shortJson(value);
}

/** Replays the log, refusing an event that cannot apply, and checks the result is `nodes`. */
function checkTreeMatchesEvents(
  nodes: readonly TreeNode[],
  nextId: number,
  events: readonly SearchEvent[],
): void {
  const replayed = createTree();
  events.forEach((event, i) => {
    try {
      applyEvent(replayed, event);
    } catch (e) {
      throw new ImportError(
        `events[${i}] (${event.type}) cannot be applied: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  });
  const mismatch = (what: string) =>
    new ImportError(
      `"tree" does not match "events": ${what}; the file was changed after export or is damaged`,
    );
  const count = Object.keys(replayed.nodes).length;
  if (count !== nodes.length)
    throw mismatch(`the tree lists ${nodes.length} nodes, replaying the events gives ${count}`);
  if (replayed.nextId !== nextId)
    throw mismatch(`tree.nextId is ${nextId}, replaying the events gives ${replayed.nextId}`);
  for (const node of nodes) {
    const again = replayed.nodes[node.id];
    if (!again) throw mismatch(`${node.id} is not created by the events`);
    for (const field of COMPARED) {
      const a = node[field];
      const b = again[field];
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw mismatch(
          `${node.id}.${field} is ${show(a)} in the tree but ${show(b)} after replaying the events`,
        );
    }
  }
}

function checkCheckpoints(file: z.infer<typeof sessionSchema>): void {
  let previous = 0;
  file.checkpoints.forEach((c, i) => {
    const at = `checkpoints[${i}]`;
    if (i === 0 && c.operator !== 'start')
      throw new ImportError(
        `${at}.operator: the first checkpoint is the search's start ("start"), got "${c.operator}"`,
      );
    if (c.session.eventCount < previous)
      throw new ImportError(
        `${at}.session.eventCount: ${c.session.eventCount} is below the previous checkpoint's ${previous}`,
      );
    if (c.session.eventCount > file.events.length)
      throw new ImportError(
        `${at}.session.eventCount: ${c.session.eventCount}, but the file holds ${file.events.length} events`,
      );
    if (c.strategy.strategy !== file.setup.strategy)
      throw new ImportError(
        `${at}.strategy.strategy: "${c.strategy.strategy}", but the setup's strategy is "${file.setup.strategy}"`,
      );
    previous = c.session.eventCount;
  });
}

function checkVersion(data: Record<string, unknown>): void {
  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > SESSION_VERSION) {
    throw new ImportError(
      `this session file was made by a newer version (${version}) of the playground; this one reads version ${SESSION_VERSION}`,
    );
  }
  if (version !== SESSION_VERSION)
    throw new ImportError(
      `"version": expected ${SESSION_VERSION}, got ${version === undefined ? 'nothing' : shortJson(version)}`,
    );
}

/** Validates a parsed JSON value as a session file; throws ImportError saying what is wrong. */
export function parseSessionFile(data: unknown): SessionFile {
  rejectPrototypeKeys(data);
  // Strategy states are decoded by recursion: a deep one would overflow the stack there.
  checkJsonDepth(data, MAX_SESSION_DEPTH, 'no session file does');
  if (!isRecord(data)) throw new ImportError('a session file is a JSON object');
  if (data.format !== SESSION_FORMAT)
    throw new ImportError(
      `not a playground session: "format" is ${data.format === undefined ? 'missing' : shortJson(data.format)}, expected "${SESSION_FORMAT}"`,
    );
  checkVersion(data);
  const parsed = sessionSchema.safeParse(data);
  if (!parsed.success)
    throw new ImportError(`not a valid session file: ${formatZodError(parsed.error, data)}`);
  const file = parsed.data;
  file.tree.nodes.forEach((node, i) => {
    if (node.id !== nodeIdAt(i))
      throw new ImportError(
        `tree.nodes[${i}].id: expected "${nodeIdAt(i)}" (nodes are listed in id order), got "${node.id}"`,
      );
  });
  checkTreeMatchesEvents(file.tree.nodes, file.tree.nextId, file.events);
  checkCheckpoints(file);
  const checkpoints = file.checkpoints.map((c, i) => {
    try {
      return { ...c, strategy: { ...c.strategy, state: decodeSnapshotState(c.strategy.state) } };
    } catch (e) {
      if (e instanceof SnapshotEncodingError)
        throw new ImportError(`checkpoints[${i}].strategy.state: ${e.message}`);
      throw e;
    }
  });
  return { ...file, checkpoints };
}

/** The session's tree as the engine holds it (a fresh copy; ids were checked to be n0, n1, ...). */
export function sessionTree(file: SessionFile): ReasoningTree {
  const nodes: Record<string, TreeNode> = {};
  for (const node of file.tree.nodes) nodes[node.id] = structuredClone(node);
  return { rootId: file.tree.rootId, nextId: file.tree.nextId, nodes };
}
