import type { NodeId, NodeStatus, ReasoningTree, TreeNode } from '../../core/tree';
import { describeValue, ImportError, isRecord, rejectPrototypeKeys } from './import-error';
import { hasX1NodeFields, orderFlat, orderNested, type OrderedNode, type X1Node } from './x1-structure';

export { MAX_X1_NODES } from './x1-structure';

/**
 * Reads the tree x1's MCTS writes (mcts_tree_final.json; spcl/x1, x1/strategy/mcts.py) into the
 * playground's tree, so that it can be drawn and inspected. docs/tree-format.md has the mapping.
 */
export interface X1Stats {
  readonly nodes: number;
  readonly maxDepth: number;
  readonly rootVisits: number;
  /** Nodes x1 marked is_terminal. */
  readonly terminals: number;
}

export interface X1Import {
  readonly tree: ReasoningTree;
  /** Our id (n0, n1, ... breadth-first) -> x1's id (a UUID in x1's own files). */
  readonly x1Ids: Record<NodeId, string>;
  readonly stats: X1Stats;
  /** args.question, else the root's reasoning_step (x1 puts the question there). */
  readonly question: string | undefined;
}

/**
 * How a terminal's reward reads. x1 scores a terminal with the run's reward function only when
 * args.gt_solution is set (it returns the top of reward_range for a correct answer, the bottom
 * otherwise); without it, reward stays 0 and nothing says whether the answer is right.
 */
type Judge =
  | { readonly kind: 'range'; readonly low: number; readonly high: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'sign' };

function judgeFrom(args: unknown): Judge {
  // A file without args (a flattened copy) keeps only the reward: read its sign, x1's default range is [-1, 1].
  if (!isRecord(args)) return { kind: 'sign' };
  if (args.gt_solution === undefined || args.gt_solution === null) return { kind: 'none' };
  const range = args.reward_range;
  const [low, high] = Array.isArray(range) ? range : [];
  if (
    typeof low === 'number' &&
    typeof high === 'number' &&
    Number.isFinite(low) &&
    Number.isFinite(high) &&
    low < high
  )
    return { kind: 'range', low, high };
  return { kind: 'range', low: -1, high: 1 };
}

function terminalStatus(x1: X1Node, judge: Judge): { status: NodeStatus; reason?: string } {
  const reward = x1.reward ?? 0;
  switch (judge.kind) {
    case 'none':
      return { status: 'answered' };
    case 'sign':
      if (reward === 0) return { status: 'answered' };
      return reward > 0
        ? { status: 'solved' }
        : { status: 'failed', reason: `x1 gave the answer reward ${reward}` };
    case 'range':
      return reward > (judge.low + judge.high) / 2
        ? { status: 'solved' }
        : {
            status: 'failed',
            reason: `x1 gave the answer reward ${reward} (its range is ${judge.low} to ${judge.high})`,
          };
  }
}

/**
 * The node's own evaluation as x1 made it when it created the node (create_children_and_eval):
 * a judged terminal's reward, else the value model's q_value_model mixed with the simulations'
 * mean by alpha. x1 later overwrites q_value of expanded nodes with the backed-up mean, so this
 * is rebuilt from the fields x1 keeps. The root is never evaluated by x1.
 */
function ownEvaluation(node: OrderedNode, judged: boolean): number | undefined {
  const x1 = node.x1;
  if (node.parentId === null) return undefined;
  if (x1.is_terminal && judged) return x1.reward ?? 0;
  const model = x1.q_value_model ?? undefined;
  const simulated = x1.simulation_value ?? undefined;
  const alpha = x1.alpha ?? 0;
  if (simulated !== undefined && !x1.is_terminal && alpha > 0)
    return (1 - alpha) * (model ?? 0) + alpha * simulated;
  if (model !== undefined) return model;
  return node.childIds.length === 0 ? x1.q_value : undefined;
}

/** TreeNode.text is one line: x1 steps (a MATH solution paragraph) may hold newlines. */
function oneLine(text: string | null): string {
  return (text ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Ordering gives each node the id `n<its index in the ordered list>`. */
function byId(ordered: readonly OrderedNode[], id: NodeId): OrderedNode | undefined {
  return ordered[Number(id.slice(1))];
}

function toTreeNode(node: OrderedNode, ordered: readonly OrderedNode[], judge: Judge): TreeNode {
  const x1 = node.x1;
  const terminal = x1.is_terminal ? terminalStatus(x1, judge) : undefined;
  const status: NodeStatus = terminal?.status ?? (node.childIds.length > 0 ? 'expanded' : 'open');
  const judged = status === 'solved' || status === 'failed';
  const value = ownEvaluation(node, judged);
  const childVisits = node.childIds.reduce((sum, id) => sum + (byId(ordered, id)?.x1.visit_count ?? 0), 0);
  const siblings = node.parentId === null ? 1 : (byId(ordered, node.parentId)?.childIds.length ?? 1);
  // x1 starts every child at one visit and adds one per backpropagation through it, so a parent
  // can hold fewer visits than its children together; the own part is clamped at zero then.
  const ownVisits = Math.max(0, x1.visit_count - childVisits);
  return {
    id: node.id,
    parentId: node.parentId,
    childIds: node.childIds,
    depth: node.depth,
    text: node.parentId === null ? '' : oneLine(x1.reasoning_step),
    logProb: 0,
    prior: node.parentId === null ? 1 : (x1.prior ?? 1 / siblings),
    tokens: 0,
    samples: 1,
    status,
    ...(terminal?.reason !== undefined ? { reason: terminal.reason } : {}),
    ...(value !== undefined ? { value } : {}),
    // x1's q_value is a mean (backpropagate: visit-weighted, discounted mean of the children's).
    visits: x1.visit_count,
    valueSum: x1.q_value * x1.visit_count,
    ownVisits,
    ownValueSum: ownVisits * (value ?? x1.q_value),
    pruned: false,
  };
}

function order(data: unknown): { ordered: OrderedNode[]; args: unknown } {
  if (Array.isArray(data)) return { ordered: orderFlat(data, ''), args: undefined };
  if (isRecord(data) && !hasX1NodeFields(data) && Array.isArray(data.nodes))
    return { ordered: orderFlat(data.nodes, 'nodes'), args: data.args };
  if (isRecord(data)) return { ordered: orderNested(data), args: data.args };
  throw new ImportError(
    `not an x1 tree: expected the root node object (reasoning_step, visit_count, q_value, children), got ${describeValue(data)}`,
  );
}

/** Validates an x1 tree (parsed JSON) and maps it to the playground's tree; throws ImportError. */
export function parseX1Tree(data: unknown): X1Import {
  rejectPrototypeKeys(data);
  const { ordered, args } = order(data);
  const judge = judgeFrom(args);
  const nodes: Record<NodeId, TreeNode> = {};
  const x1Ids: Record<NodeId, string> = {};
  let maxDepth = 0;
  let terminals = 0;
  for (const node of ordered) {
    nodes[node.id] = toTreeNode(node, ordered, judge);
    x1Ids[node.id] = node.x1.id;
    maxDepth = Math.max(maxDepth, node.depth);
    if (node.x1.is_terminal) terminals++;
  }
  const root = ordered[0];
  if (!root) throw new ImportError('the x1 tree has no nodes');
  const question =
    isRecord(args) && typeof args.question === 'string'
      ? args.question
      : (root.x1.reasoning_step ?? undefined);
  return {
    tree: { rootId: 'n0', nodes, nextId: ordered.length },
    x1Ids,
    stats: { nodes: ordered.length, maxDepth, rootVisits: root.x1.visit_count, terminals },
    question,
  };
}
