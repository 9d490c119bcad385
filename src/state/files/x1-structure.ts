import { z } from 'zod';
import { nodeIdAt, ROOT_ID, type NodeId } from '../../core/tree';
import { formatPath, formatZodError, ImportError, isRecord } from './import-error';

/**
 * The shape of x1's MCTS tree (spcl/x1, x1/strategy/mcts.py: Node.rec_dict, written by
 * Node.save_to_json as mcts_tree_final.json): the root node object with every child nested in
 * `children`, and the run's `args` beside the root's fields. A flat list of nodes linked by
 * `parent` ids is read too, for tools that flatten x1 trees. This file checks the structure and
 * orders the nodes breadth-first; x1-tree.ts maps them to the playground's tree.
 */
export const MAX_X1_NODES = 20_000;

/** One step's text: x1's longest are MATH paragraphs, and the root holds the whole question. */
export const MAX_X1_TEXT = 20_000;
/**
 * x1's values are means of rewards in its reward range (-1 to 1 by default). The bounds keep
 * visits x q_value (the value sum) finite and far from where sums lose their precision.
 */
const MAX_X1_VALUE = 1e6;
const MAX_X1_VISITS = 1e9;

const x1Id = z.union([z.string().min(1).max(200), z.number().int()]).transform(String);
const value = z.number().min(-MAX_X1_VALUE).max(MAX_X1_VALUE);

/** The fields of one x1 node that the import reads; x1 writes more (see docs/tree-format.md). */
const x1NodeSchema = z.object({
  id: x1Id,
  reasoning_step: z.string().max(MAX_X1_TEXT).nullable(),
  parent: x1Id.nullable().optional(),
  visit_count: z.number().int().nonnegative().max(MAX_X1_VISITS),
  reward: value.nullable().optional(),
  q_value_model: value.nullable().optional(),
  q_value: value,
  is_terminal: z.boolean(),
  alpha: z.number().min(0).max(1).nullable().optional(),
  simulation_value: value.nullable().optional(),
  // Not written by x1; read when a tool adds it, otherwise priors are uniform over siblings.
  prior: z.number().nonnegative().max(1).optional(),
  children: z.array(z.unknown()).optional(),
});

export type X1Node = z.infer<typeof x1NodeSchema>;

/** One x1 node in the playground's order: ids n0, n1, ... breadth-first from the root. */
export interface OrderedNode {
  readonly id: NodeId;
  readonly parentId: NodeId | null;
  readonly depth: number;
  readonly childIds: NodeId[];
  readonly x1: X1Node;
}

const NODE_KEYS = ['reasoning_step', 'visit_count', 'q_value'] as const;

/** True when `value` has one of the fields only x1 nodes carry. */
export function hasX1NodeFields(value: unknown): boolean {
  return isRecord(value) && NODE_KEYS.some((k) => k in value);
}

function parseNode(raw: unknown, where: string | Place): X1Node {
  const parsed = x1NodeSchema.safeParse(raw);
  if (!parsed.success) {
    const path = typeof where === 'string' ? where : pathOf(where);
    throw new ImportError(`not a valid x1 tree: ${formatZodError(parsed.error, raw, path)}`);
  }
  return parsed.data;
}

function tooMany(): ImportError {
  return new ImportError(
    `the x1 tree has more than ${MAX_X1_NODES.toLocaleString('en')} nodes, more than the playground can draw`,
  );
}

function where(path: string): string {
  return path === '' ? 'the root' : path;
}

/** Where a nested node sits, kept as links so that a path string is built only for a message. */
interface Place {
  readonly index: number;
  readonly parent: Place | null;
}

function pathOf(place: Place): string {
  const indexes: number[] = [];
  for (let p: Place | null = place; p?.parent; p = p.parent) indexes.push(p.index);
  return indexes.reverse().reduce((path, i) => formatPath(['children', i], path), '');
}

/** x1's own form: the root object, each node's children nested inside it. */
export function orderNested(root: Record<string, unknown>): OrderedNode[] {
  const out: OrderedNode[] = [];
  const seen = new Map<string, Place>();
  const queue: { raw: unknown; place: Place; parent: OrderedNode | null }[] = [
    { raw: root, place: { index: 0, parent: null }, parent: null },
  ];
  for (let head = 0; head < queue.length; head++) {
    const item = queue[head];
    if (!item) break;
    const { raw, place, parent } = item;
    const x1 = parseNode(raw, place);
    const earlier = seen.get(x1.id);
    if (earlier !== undefined)
      throw new ImportError(
        `node id "${x1.id}" appears twice (at ${where(pathOf(earlier))} and at ${where(pathOf(place))}): a node can sit at only one place in a tree`,
      );
    seen.set(x1.id, place);
    const declared = x1.parent ?? null;
    if (parent === null && declared !== null)
      throw new ImportError(
        `${formatPath(['parent'], pathOf(place))}: the top node names parent "${declared}", which is not in the file (x1 writes "parent": null on the root)`,
      );
    if (parent !== null && declared !== null && declared !== parent.x1.id)
      throw new ImportError(
        `${formatPath(['parent'], pathOf(place))}: "${declared}", but the node sits in the children of "${parent.x1.id}"`,
      );
    const node: OrderedNode = {
      id: nodeIdAt(head),
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      childIds: [],
      x1,
    };
    out.push(node);
    parent?.childIds.push(node.id);
    (x1.children ?? []).forEach((child, index) => {
      if (queue.length >= MAX_X1_NODES) throw tooMany();
      queue.push({ raw: child, place: { index, parent: place }, parent: node });
    });
  }
  return out;
}

/** Follows parent links from `start` until one repeats: that id lies on the cycle. */
function idOnCycle(start: string, parentOf: ReadonlyMap<string, string | null>): string {
  const visited = new Set<string>();
  let cur: string | null | undefined = start;
  while (cur != null && !visited.has(cur)) {
    visited.add(cur);
    cur = parentOf.get(cur);
  }
  return cur ?? start;
}

/** A flat list of nodes linked by `parent` ids (children, if listed, are not read). */
export function orderFlat(items: readonly unknown[], base: string): OrderedNode[] {
  if (items.length > MAX_X1_NODES) throw tooMany();
  const nodes = items.map((raw, i) => parseNode(raw, formatPath([i], base)));
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    const earlier = index.get(n.id);
    if (earlier !== undefined)
      throw new ImportError(
        `node id "${n.id}" appears twice (${formatPath([earlier], base)} and ${formatPath([i], base)})`,
      );
    index.set(n.id, i);
  });
  const kids = new Map<string, X1Node[]>();
  const roots: X1Node[] = [];
  for (const n of nodes) {
    const p = n.parent ?? null;
    if (p === null) roots.push(n);
    else if (!index.has(p))
      throw new ImportError(`node "${n.id}" names parent "${p}", which is not in the file`);
    else kids.set(p, [...(kids.get(p) ?? []), n]);
  }
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent ?? null]));
  const [root, second] = roots;
  if (!root) {
    const first = nodes[0];
    if (!first) throw new ImportError('the x1 tree has no nodes');
    throw new ImportError(
      `the x1 tree has no root: every node names a parent, and the parent links form a cycle through "${idOnCycle(first.id, parentOf)}"`,
    );
  }
  if (second)
    throw new ImportError(
      `the x1 tree has ${roots.length} roots ("${root.id}", "${second.id}"${roots.length > 2 ? ', …' : ''} have no parent); a tree has exactly one`,
    );
  const out: OrderedNode[] = [{ id: ROOT_ID, parentId: null, depth: 0, childIds: [], x1: root }];
  for (let head = 0; head < out.length; head++) {
    const parent = out[head];
    if (!parent) break;
    for (const x1 of kids.get(parent.x1.id) ?? []) {
      const node: OrderedNode = {
        id: nodeIdAt(out.length),
        parentId: parent.id,
        depth: parent.depth + 1,
        childIds: [],
        x1,
      };
      parent.childIds.push(node.id);
      out.push(node);
    }
  }
  if (out.length < nodes.length) {
    const reached = new Set(out.map((n) => n.x1.id));
    const lost = nodes.find((n) => !reached.has(n.id));
    if (lost)
      throw new ImportError(
        `node "${lost.id}" cannot be reached from the root: the parent links form a cycle through "${idOnCycle(lost.id, parentOf)}"`,
      );
  }
  return out;
}
