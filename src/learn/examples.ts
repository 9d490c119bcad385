import type { SearchEvent } from '../core/events';
import { getNode, ROOT_ID, type NodeId, type ReasoningTree, type TreeNode } from '../core/tree';

/**
 * Training examples from one finished search, the way AlphaZero and x1 learn from MCTS:
 *  - policy target: at every state the search passed through, the share of simulations that went
 *    on to each child (its visit distribution over the next steps);
 *  - outcome target: 1 when a verified solution was reached below the state, else 0;
 *  - process target: the state's backed-up value Q = W / N.
 *
 * Visits here are counted from the search's own `select` events (simulations whose path went
 * through a node), not from N: this engine's N also counts each child's evaluation at creation,
 * which would teach the policy to write every sampled step, invalid ones included.
 *
 * States and edges along one root-to-leaf path share one example (a path through the tree the
 * search visited), so a trace's prefix is read once for all the targets on it.
 */
export interface PathExample {
  /** The task's prompt (the problem line with its newline). */
  readonly prompt: string;
  readonly steps: readonly string[];
  /** policy[i]: the weight of steps[i] as the next step after steps[0..i-1] (0 = no target). */
  readonly policy: readonly number[];
  /** outcome[i], q[i]: targets for the state after i steps (i = 0..steps.length); null = none. */
  readonly outcome: readonly (number | null)[];
  readonly q: readonly (number | null)[];
}

export type ValueTarget = 'outcome' | 'process';

/**
 * How the visit counts become the policy's target. AlphaZero trains on pi(a) ~ N(a)^(1/tau); with
 * a few simulations (16 here, against AlphaZero's 800) tau = 1 gives a target flatter than the
 * prior itself, and training towards it made the greedy chain worse (measured: 19% -> 13% on
 * countdown-100). A lower tau sharpens it towards the most-visited step. `from: 'solved'` keeps
 * the policy target only at states with a verified solution below, where the visits were shaped
 * by a real reward rather than by the prior alone (the filter of expert iteration / ReST).
 */
export interface PolicyTargetOptions {
  readonly temperature: number;
  readonly from: 'all' | 'solved';
}

export const DEFAULT_POLICY_TARGET: PolicyTargetOptions = { temperature: 0.5, from: 'solved' };

/** Simulations through each node, from the log's `select` events of kind 'path'. */
export function simulationVisits(events: readonly SearchEvent[]): Map<NodeId, number> {
  const visits = new Map<NodeId, number>();
  for (const e of events) {
    if (e.type !== 'select' || e.kind !== 'path') continue;
    for (const id of e.nodeIds) visits.set(id, (visits.get(id) ?? 0) + 1);
  }
  return visits;
}

function solvedBelow(tree: ReasoningTree): Set<NodeId> {
  const solved = new Set<NodeId>();
  for (const node of Object.values(tree.nodes)) {
    if (node.status !== 'solved' || node.pruned) continue;
    for (let id: NodeId | null = node.id; id !== null && !solved.has(id); id = getNode(tree, id).parentId) {
      solved.add(id);
    }
  }
  return solved;
}

/**
 * Which searched states the outcome target calls failures: every state with no verified solution
 * below ('unsolved'), or only those the search proved failed ('proven', MCTS-Solver's rule: a
 * failed terminal, or an expanded state all of whose children are proven failed), leaving the rest
 * without an outcome. A 16-simulation search leaves most solvable states unsolved, and a value
 * trained on 'unsolved' learns mainly how rarely such a search finishes.
 */
export type OutcomeNegatives = 'unsolved' | 'proven';

function provenFailed(tree: ReasoningTree): Set<NodeId> {
  const proven = new Set<NodeId>();
  const visit = (node: TreeNode): boolean => {
    let failed = node.status === 'failed';
    if (node.status === 'expanded') {
      const children = node.childIds.map((id) => getNode(tree, id)).filter((c) => !c.pruned);
      // Every child is visited, so that the whole subtree is marked.
      const results = children.map(visit);
      failed = children.length > 0 && results.every(Boolean);
    }
    if (failed) proven.add(node.id);
    return failed;
  };
  visit(getNode(tree, ROOT_ID));
  return proven;
}

/** A state the value model is asked about: open or expanded (terminals go to the verifier). */
function isValueState(node: TreeNode): boolean {
  return node.status === 'expanded' && !node.pruned;
}

/**
 * The examples of one search. Only nodes some simulation passed through take part: the policy
 * learns the steps the search chose, and the value learns states whose subtree was searched (an
 * unexpanded leaf's outcome is unknown, not a failure).
 */
export function pathExamples(
  tree: ReasoningTree,
  events: readonly SearchEvent[],
  prompt: string,
  target: PolicyTargetOptions = { temperature: 1, from: 'all' },
  negatives: OutcomeNegatives = 'unsolved',
): PathExample[] {
  const visits = simulationVisits(events);
  const solved = solvedBelow(tree);
  const proven = negatives === 'proven' ? provenFailed(tree) : undefined;
  const outcomeOf = (id: NodeId): number | null =>
    solved.has(id) ? 1 : !proven || proven.has(id) ? 0 : null;
  const visited = (id: NodeId): boolean => (visits.get(id) ?? 0) > 0 && !getNode(tree, id).pruned;
  const examples: PathExample[] = [];
  const walk = (
    node: TreeNode,
    steps: string[],
    policy: number[],
    outcome: (number | null)[],
    q: (number | null)[],
  ) => {
    const here = isValueState(node);
    outcome.push(here ? outcomeOf(node.id) : null);
    q.push(here && node.visits > 0 ? node.valueSum / node.visits : null);
    const next = node.childIds.filter(visited);
    if (next.length === 0) {
      if (steps.length > 0 || outcome.some((o) => o !== null)) {
        examples.push({ prompt, steps: [...steps], policy: [...policy], outcome: [...outcome], q: [...q] });
      }
    } else {
      const teaches = target.from === 'all' || solved.has(node.id);
      const power = (id: NodeId) => (teaches ? (visits.get(id) ?? 0) ** (1 / target.temperature) : 0);
      const total = next.reduce((a, id) => a + power(id), 0);
      next.forEach((id, j) => {
        const child = getNode(tree, id);
        // The shared prefix's targets go with the first path only, so each counts once.
        const keep = j === 0;
        walk(
          child,
          [...steps, child.text],
          [...policy.map((w) => (keep ? w : 0)), total > 0 ? power(id) / total : 0],
          outcome.map((o) => (keep ? o : null)),
          q.map((v) => (keep ? v : null)),
        );
      });
    }
  };
  walk(getNode(tree, ROOT_ID), [], [], [], []);
  return examples;
}
