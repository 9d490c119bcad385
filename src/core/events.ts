import {
  createTree,
  edgeVisits,
  getNode,
  nodeIdAt,
  pathTo,
  type NodeId,
  type NodeStatus,
  type ReasoningTree,
  type TreeNode,
} from './tree';

/**
 * Every change to the tree is one of these events, appended to a log. Applying the log in order
 * to a fresh tree rebuilds it exactly, so the log is what a timeline scrubs and what persists.
 */
export interface NewChild {
  readonly text: string;
  readonly logProb: number;
  readonly prior: number;
  readonly tokens: number;
  readonly samples: number;
  readonly status: Extract<NodeStatus, 'open' | 'solved' | 'failed' | 'answered'>;
  readonly reason?: string;
  readonly answer?: string;
  /** Graph mode: the earlier node holding the same state (see TreeNode.transpositionOf). */
  readonly transpositionOf?: NodeId;
}

/** What a refine or write event adds to the new node besides its NewChild fields. */
type ChildMark = { readonly refines: NodeId; readonly critique: string } | { readonly written: true };

export interface Evaluation {
  readonly nodeId: NodeId;
  readonly value: number;
  readonly source: 'value-model' | 'verifier';
}

/** Added to one node's statistics: N += visits, W += valueSum. */
export interface StatsUpdate {
  readonly nodeId: NodeId;
  readonly visits: number;
  readonly valueSum: number;
}

export type SearchEvent =
  /** Informational: the strategy chose these nodes (a root-to-leaf path, or a beam). */
  | { readonly type: 'select'; readonly nodeIds: readonly NodeId[]; readonly kind: 'path' | 'beam' }
  /** New children under `parentId`; their ids are `firstId`, `firstId + 1`, ... */
  | { readonly type: 'expand'; readonly parentId: NodeId; readonly children: readonly NewChild[] }
  /** Each evaluation is one visit of its node: N += 1, W += value. */
  | { readonly type: 'evaluate'; readonly evaluations: readonly Evaluation[] }
  /** Adds visits and value to every node of `nodeIds` (the ancestors of what was evaluated). */
  | {
      readonly type: 'backpropagate';
      readonly nodeIds: readonly NodeId[];
      readonly visits: number;
      readonly valueSum: number;
    }
  /**
   * Per-node changes of N and W, for backups that are not one sum added along a path (x1's: each
   * node's Q becomes the visit-weighted, discounted mean of its children's).
   */
  | { readonly type: 'backup'; readonly updates: readonly StatsUpdate[] }
  /** MCTS-Solver: these nodes are proven solved or failed (see TreeNode.proven). */
  | { readonly type: 'prove'; readonly nodeIds: readonly NodeId[]; readonly outcome: 'solved' | 'failed' }
  /** The subtree under `nodeId` leaves the search; its statistics leave its ancestors. */
  | { readonly type: 'prune'; readonly nodeId: NodeId }
  /**
   * The Blueprint's Backtrack: the reasoning returns from `fromId` to its ancestor `toId` (e.g.
   * after an invalid step) and goes on from there; the abandoned branch stays in the tree.
   */
  | { readonly type: 'backtrack'; readonly fromId: NodeId; readonly toId: NodeId; readonly reason: string }
  /**
   * The Blueprint's Refine: the policy was shown the step `nodeId` followed by `critique` and
   * rewrote it; the rewrite joins the tree as a sibling of `nodeId` (its parent's new child).
   */
  | { readonly type: 'refine'; readonly nodeId: NodeId; readonly critique: string; readonly child: NewChild }
  /** A step written by hand under `parentId`: an open parent is expanded with it alone. */
  | { readonly type: 'write'; readonly parentId: NodeId; readonly child: NewChild }
  /** The strategy's final answer. */
  | { readonly type: 'answer'; readonly nodeId: NodeId; readonly solved: boolean; readonly answer: string };

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

function addChild(tree: ReasoningTree, parent: TreeNode, child: NewChild, mark?: ChildMark): void {
  const id = nodeIdAt(tree.nextId++);
  const node: TreeNode = {
    id,
    parentId: parent.id,
    childIds: [],
    depth: parent.depth + 1,
    text: child.text,
    logProb: child.logProb,
    prior: child.prior,
    tokens: child.tokens,
    samples: child.samples,
    status: child.status,
    ...(child.reason !== undefined ? { reason: child.reason } : {}),
    ...(child.answer !== undefined ? { answer: child.answer } : {}),
    ...(child.transpositionOf !== undefined ? { transpositionOf: child.transpositionOf } : {}),
    ...(mark ?? {}),
    visits: 0,
    valueSum: 0,
    ownVisits: 0,
    ownValueSum: 0,
    pruned: false,
  };
  tree.nodes[id] = node;
  parent.childIds.push(id);
  if (child.transpositionOf !== undefined) {
    const canonical = getNode(tree, child.transpositionOf);
    canonical.transpositions = [...(canonical.transpositions ?? []), id];
  }
}

/** Applies one event to the tree in place. */
export function applyEvent(tree: ReasoningTree, event: SearchEvent): void {
  switch (event.type) {
    case 'select':
      for (const id of event.nodeIds) getNode(tree, id);
      return;
    case 'answer':
      getNode(tree, event.nodeId);
      return;
    case 'backtrack':
      getNode(tree, event.fromId);
      getNode(tree, event.toId);
      return;
    case 'expand': {
      const parent = getNode(tree, event.parentId);
      if (parent.status !== 'open')
        throw new InvalidEventError(`node ${parent.id} is ${parent.status}, not open`);
      for (const child of event.children) addChild(tree, parent, child);
      parent.status = 'expanded';
      return;
    }
    case 'refine': {
      const original = getNode(tree, event.nodeId);
      if (original.parentId === null) throw new InvalidEventError('the root has no step to refine');
      addChild(tree, getNode(tree, original.parentId), event.child, {
        refines: original.id,
        critique: event.critique,
      });
      return;
    }
    case 'write': {
      const parent = getNode(tree, event.parentId);
      if (parent.status !== 'open' && parent.status !== 'expanded')
        throw new InvalidEventError(`node ${parent.id} is ${parent.status}: no step follows it`);
      addChild(tree, parent, event.child, { written: true });
      parent.status = 'expanded';
      return;
    }
    case 'evaluate':
      for (const e of event.evaluations) {
        const node = getNode(tree, e.nodeId);
        node.value = e.value;
        node.visits += 1;
        node.valueSum += e.value;
        node.ownVisits += 1;
        node.ownValueSum += e.value;
      }
      return;
    case 'backpropagate':
      for (const id of event.nodeIds) {
        const node = getNode(tree, id);
        node.visits += event.visits;
        node.valueSum += event.valueSum;
      }
      return;
    case 'backup':
      for (const u of event.updates) {
        const node = getNode(tree, u.nodeId);
        node.visits += u.visits;
        node.valueSum += u.valueSum;
      }
      return;
    case 'prove':
      for (const id of event.nodeIds) getNode(tree, id).proven = event.outcome;
      return;
    case 'prune': {
      const node = getNode(tree, event.nodeId);
      if (node.parentId === null) throw new InvalidEventError('the root cannot be pruned');
      if (node.pruned) return;
      // What came in along this edge leaves the ancestors (through a transposition's route, it stays).
      const edge = edgeVisits(tree, node);
      node.pruned = true;
      for (const id of pathTo(tree, node.parentId)) {
        const ancestor = getNode(tree, id);
        ancestor.visits -= edge.visits;
        ancestor.valueSum -= edge.valueSum;
      }
      return;
    }
  }
}

/** Rebuilds the tree from the first `count` events of the log (all of them by default). */
export function replay(events: readonly SearchEvent[], count = events.length): ReasoningTree {
  const tree = createTree();
  for (let i = 0; i < count && i < events.length; i++) applyEvent(tree, events[i] as SearchEvent);
  return tree;
}
