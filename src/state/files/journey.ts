import { z } from 'zod';
import type { SearchEvent } from '../../core/events';
import {
  createTree,
  getNode,
  nodeIdAt,
  pathTo,
  type NodeId,
  type NodeStatus,
  type ReasoningTree,
  type TreeNode,
} from '../../core/tree';
import { formatZodError, ImportError } from './import-error';

/**
 * A journey: the search told as one linear trace, in the order it happened, with its failures and
 * backtracks (what Stream of Search and the long chains of implicit RLMs such as o1 and R1 are
 * trained on). Built from the event log: each expansion first moves from where the search stood to
 * the node it expands (a backtrack to their last common step, then the steps down), then lists what
 * ended there at once (failed and solved tries). Imported, a journey is drawn as the chain it is.
 */
export const JOURNEY_FORMAT = 'rlm-playground/journey';
export const MAX_JOURNEY_LINES = 20_000;
const MAX_LINE = 2_000;

export type JourneyKind = 'step' | 'try' | 'backtrack' | 'prune' | 'answer';

export interface JourneyLine {
  readonly kind: JourneyKind;
  readonly text: string;
  readonly outcome?: 'solved' | 'failed' | 'answered';
}

export interface Journey {
  readonly format: typeof JOURNEY_FORMAT;
  readonly version: 1;
  readonly title: string;
  readonly lines: JourneyLine[];
  /** The lines as one text, ready to read or to train on. */
  readonly text: string;
}

function stepName(tree: ReasoningTree, id: NodeId): string {
  return id === tree.rootId ? 'the start' : getNode(tree, id).text;
}

function outcomeOf(node: TreeNode): JourneyLine['outcome'] {
  if (node.status === 'solved' || node.status === 'failed' || node.status === 'answered') return node.status;
  return undefined;
}

/** One line as text: `kind: text [outcome]`. */
export function journeyLineText(line: JourneyLine): string {
  return `${line.kind}: ${line.text}${line.outcome ? ` [${line.outcome}]` : ''}`;
}

/** The journey of a search: `tree` is the tree the whole `events` log built. */
export function journeyFromLog(events: readonly SearchEvent[], tree: ReasoningTree, title: string): Journey {
  const lines: JourneyLine[] = [];
  let at: NodeId[] = [tree.rootId];
  let created = 1;
  const moveTo = (id: NodeId) => {
    const to = pathTo(tree, id);
    let common = 0;
    while (common < at.length && common < to.length && at[common] === to[common]) common++;
    if (common < at.length)
      lines.push({ kind: 'backtrack', text: stepName(tree, to[common - 1] ?? tree.rootId) });
    for (const step of to.slice(common)) lines.push({ kind: 'step', text: getNode(tree, step).text });
    at = to;
  };
  for (const e of events) {
    if (e.type === 'expand') {
      moveTo(e.parentId);
      for (let i = 0; i < e.children.length; i++) {
        const child = getNode(tree, nodeIdAt(created + i));
        const outcome = outcomeOf(child);
        if (outcome) lines.push({ kind: 'try', text: child.text, outcome });
      }
      created += e.children.length;
    } else if (e.type === 'refine' || e.type === 'write') {
      // One node each: a rewrite beside the step it refines, a step written by hand under its parent.
      const child = getNode(tree, nodeIdAt(created++));
      if (child.parentId !== null) moveTo(child.parentId);
      const outcome = outcomeOf(child);
      if (outcome) lines.push({ kind: 'try', text: child.text, outcome });
    } else if (e.type === 'prune') {
      lines.push({ kind: 'prune', text: getNode(tree, e.nodeId).text });
    } else if (e.type === 'answer') {
      const node = getNode(tree, e.nodeId);
      lines.push({ kind: 'answer', text: node.answer ?? node.text, outcome: e.solved ? 'solved' : 'failed' });
    }
  }
  return { format: JOURNEY_FORMAT, version: 1, title, lines, text: lines.map(journeyLineText).join('\n') };
}

const lineSchema = z.object({
  kind: z.enum(['step', 'try', 'backtrack', 'prune', 'answer']),
  text: z.string().max(MAX_LINE),
  outcome: z.enum(['solved', 'failed', 'answered']).optional(),
});

const journeySchema = z.object({
  format: z.literal(JOURNEY_FORMAT),
  version: z.literal(1),
  title: z.string().max(MAX_LINE),
  lines: z.array(lineSchema).max(MAX_JOURNEY_LINES),
  text: z.string().optional(),
});

export function isJourney(data: unknown): boolean {
  return (
    typeof data === 'object' && data !== null && (data as { format?: unknown }).format === JOURNEY_FORMAT
  );
}

/**
 * A journey read back as a chain: one node per line below the root, each the child of the line
 * before, as an implicit RLM writes it (backtracks included, as steps of the chain).
 */
export function journeyToChain(data: unknown): { tree: ReasoningTree; title: string; terminals: number } {
  const parsed = journeySchema.safeParse(data);
  if (!parsed.success)
    throw new ImportError(`not a valid journey: ${formatZodError(parsed.error, data, '')}`);
  const tree = createTree();
  let parent = getNode(tree, tree.rootId);
  let terminals = 0;
  for (const line of parsed.data.lines) {
    const id = nodeIdAt(tree.nextId++);
    const last = tree.nextId === parsed.data.lines.length + 1;
    const status: NodeStatus = line.outcome ?? (last ? 'open' : 'expanded');
    if (line.outcome) terminals++;
    const node: TreeNode = {
      id,
      parentId: parent.id,
      childIds: [],
      depth: parent.depth + 1,
      text: journeyLineText(line).replace(/\s+/g, ' '),
      logProb: 0,
      prior: 1,
      tokens: 0,
      samples: 1,
      status,
      visits: 0,
      valueSum: 0,
      ownVisits: 0,
      ownValueSum: 0,
      pruned: false,
    };
    tree.nodes[id] = node;
    parent.childIds.push(id);
    parent = node;
  }
  if (parsed.data.lines.length > 0) getNode(tree, tree.rootId).status = 'expanded';
  return { tree, title: parsed.data.title, terminals };
}
