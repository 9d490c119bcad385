/**
 * The reasoning tree: a flat map id -> node with parent and child ids, so that it is plain JSON,
 * cheap to send between threads and easy to persist. It changes only through events (events.ts).
 */
export type NodeId = string;

/**
 * open: not yet expanded; expanded: has children; solved / failed: terminal, judged by the verifier;
 * answered: terminal with an answer no verifier can check (a problem without a known answer).
 */
export type NodeStatus = 'open' | 'expanded' | 'solved' | 'failed' | 'answered';

export interface TreeNode {
  readonly id: NodeId;
  readonly parentId: NodeId | null;
  childIds: NodeId[];
  readonly depth: number;
  /** The step's text (one line, no newline); empty on the root. */
  readonly text: string;
  /** Sum of the policy's log-probabilities of the step's tokens (0 on the root). */
  readonly logProb: number;
  /** P(s,a): the step's probability normalized over its siblings at expansion. */
  readonly prior: number;
  /** Tokens the policy generated for this step. */
  readonly tokens: number;
  /** How many of the parent's samples produced this same step. */
  readonly samples: number;
  status: NodeStatus;
  /** Why a failed node failed (an invalid step, or a wrong final answer). */
  readonly reason?: string;
  /** The final answer of a terminal node. */
  readonly answer?: string;
  /** The latest evaluation: value model estimate, or verifier reward on terminals. */
  value?: number;
  /** Visit count N: the node's own evaluations plus its children's visits. */
  visits: number;
  /** Value sum W; Q = W / N. */
  valueSum: number;
  /** The node's own evaluations (the part of N that did not come from children). */
  ownVisits: number;
  ownValueSum: number;
  /** Pruned by the user or a strategy: never selected, statistics removed from ancestors. */
  pruned: boolean;
  /**
   * MCTS-Solver's mark on an expanded node: 'failed' when every live child is a failed terminal or
   * proven failed, 'solved' when a child is solved or proven solved. Unset while unproven.
   */
  proven?: 'solved' | 'failed';
  /**
   * Graph mode (transpositions): this node reached a state an earlier node already holds (the same
   * numbers left, in another order). It is never expanded; a search that selects it goes on from
   * that node, `transpositionOf`, so the two share what lies below.
   */
  readonly transpositionOf?: NodeId;
  /** On a node that others reach by transposition: their ids. */
  transpositions?: NodeId[];
  /**
   * The Blueprint's Refine: this step is the policy's rewrite of its sibling `refines`, written
   * after `critique` was put to it; drawn as a refine edge from that step.
   */
  readonly refines?: NodeId;
  readonly critique?: string;
  /** A step written by hand (the inspector's "Write a step"), scored by the policy, not sampled. */
  readonly written?: true;
}

export interface ReasoningTree {
  readonly rootId: NodeId;
  nodes: Record<NodeId, TreeNode>;
  nextId: number;
}

/** The id of the node created `index`-th (the root is 0): ids follow creation order. */
export function nodeIdAt(index: number): NodeId {
  return `n${index}`;
}

export const ROOT_ID: NodeId = nodeIdAt(0);

export function createTree(): ReasoningTree {
  const root: TreeNode = {
    id: ROOT_ID,
    parentId: null,
    childIds: [],
    depth: 0,
    text: '',
    logProb: 0,
    prior: 1,
    tokens: 0,
    samples: 1,
    status: 'open',
    visits: 0,
    valueSum: 0,
    ownVisits: 0,
    ownValueSum: 0,
    pruned: false,
  };
  return { rootId: ROOT_ID, nodes: { [ROOT_ID]: root }, nextId: 1 };
}

export class UnknownNodeError extends Error {
  override readonly name = 'UnknownNodeError';
}

export function getNode(tree: ReasoningTree, id: NodeId): TreeNode {
  const node = tree.nodes[id];
  if (!node) throw new UnknownNodeError(`no node ${id} in the tree`);
  return node;
}

export function qValue(node: TreeNode): number {
  return node.visits > 0 ? node.valueSum / node.visits : 0;
}

/** Node ids from the root down to `id`, both included. */
export function pathTo(tree: ReasoningTree, id: NodeId): NodeId[] {
  const path: NodeId[] = [];
  for (let cur: NodeId | null = id; cur !== null; cur = getNode(tree, cur).parentId) path.push(cur);
  return path.reverse();
}

/** The step texts from the root down to `id` (the root contributes none). */
export function stepsTo(tree: ReasoningTree, id: NodeId): string[] {
  return pathTo(tree, id)
    .slice(1)
    .map((n) => getNode(tree, n).text);
}

export function isTerminal(node: TreeNode): boolean {
  return node.status === 'solved' || node.status === 'failed' || node.status === 'answered';
}

/** A terminal whose reward the verifier gives (1 solved, 0 failed). */
export function isVerified(node: TreeNode): boolean {
  return node.status === 'solved' || node.status === 'failed';
}

/**
 * The visits that came into `node` along its own tree edge: all of N, less what came in through
 * its transpositions (each one's N less its own evaluations). Equals N outside graph mode.
 */
export function edgeVisits(tree: ReasoningTree, node: TreeNode): { visits: number; valueSum: number } {
  let visits = node.visits;
  let valueSum = node.valueSum;
  for (const id of node.transpositions ?? []) {
    const alias = getNode(tree, id);
    if (alias.pruned) continue;
    visits -= alias.visits - alias.ownVisits;
    valueSum -= alias.valueSum - alias.ownValueSum;
  }
  return { visits, valueSum };
}

/** A failed terminal, or a node MCTS-Solver proved failed: a search gains nothing below it. */
export function isKnownFailed(node: TreeNode): boolean {
  return node.status === 'failed' || node.proven === 'failed';
}

/** A solved terminal, or a node with a proven solution below it. */
export function isKnownSolved(node: TreeNode): boolean {
  return node.status === 'solved' || node.proven === 'solved';
}

/** True when the node or one of its ancestors is pruned. */
export function isInPrunedSubtree(tree: ReasoningTree, id: NodeId): boolean {
  for (let cur: NodeId | null = id; cur !== null; cur = getNode(tree, cur).parentId) {
    if (getNode(tree, cur).pruned) return true;
  }
  return false;
}

export function liveChildren(tree: ReasoningTree, node: TreeNode): TreeNode[] {
  return node.childIds.map((c) => getNode(tree, c)).filter((c) => !c.pruned);
}

/** The first solved terminal outside pruned subtrees, in creation order. */
export function firstSolvedNode(tree: ReasoningTree): TreeNode | undefined {
  for (let i = 0; i < tree.nextId; i++) {
    const node = tree.nodes[nodeIdAt(i)];
    if (node && node.status === 'solved' && !isInPrunedSubtree(tree, node.id)) return node;
  }
  return undefined;
}

/** From `start` (the root), follow the most-visited live child (first on ties) down to a leaf. */
export function mostVisitedPath(tree: ReasoningTree, start: NodeId = tree.rootId): NodeId[] {
  const path: NodeId[] = [start];
  let node = getNode(tree, start);
  for (;;) {
    const kids = liveChildren(tree, node);
    if (kids.length === 0) return path;
    let best = kids[0] as TreeNode;
    for (const k of kids) if (k.visits > best.visits) best = k;
    path.push(best.id);
    node = best;
  }
}
