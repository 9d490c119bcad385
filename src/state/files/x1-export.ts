import { X1_C1, X1_C2, X1_GAMMA } from '../../core/strategies/selection';
import { getNode, liveChildren, qValue, type ReasoningTree, type TreeNode } from '../../core/tree';

/**
 * Writes a tree as x1 writes its MCTS tree (mcts_tree_final.json: Node.rec_dict nested from the
 * root, the run's args beside the root's fields), so x1's tools read what the playground grew, and
 * the playground's x1 import (x1-tree.ts) reads it back. Rewards use the range [0, 1] (1 solved,
 * 0 failed) and `args.gt_solution` holds the known answer, which is how x1 judges terminals.
 * Pruned subtrees are left out: x1 has no pruning, and their statistics already left the ancestors.
 */
export interface X1ExportArgs {
  readonly question: string;
  /** The known answer (Countdown: the target); null when there is none. */
  readonly answer: string | null;
  readonly simulations: number;
  readonly k: number;
}

export interface X1NodeOut {
  readonly id: string;
  readonly reasoning_step: string;
  readonly contextual_memory: string[];
  readonly parent: string | null;
  readonly visit_count: number;
  readonly reward: number;
  readonly q_value_model: number;
  readonly q_value: number;
  readonly is_terminal: boolean;
  readonly leads_to_terminal: boolean;
  readonly num_simulations: number;
  readonly alpha: number;
  readonly simulation_value: null;
  readonly simulations: null;
  /** Not an x1 field: the step's prior, which x1's selection has no use for but the import reads. */
  readonly prior: number;
  readonly children: X1NodeOut[];
}

function isTerminal(node: TreeNode): boolean {
  return node.status === 'solved' || node.status === 'failed' || node.status === 'answered';
}

function toX1(tree: ReasoningTree, node: TreeNode, memory: string[], question: string): X1NodeOut {
  const step = node.parentId === null ? question : node.text;
  const children = liveChildren(tree, node).map((c) => toX1(tree, c, [...memory, step], question));
  return {
    id: node.id,
    reasoning_step: step,
    contextual_memory: memory,
    parent: node.parentId,
    visit_count: node.visits,
    reward: node.status === 'solved' ? 1 : 0,
    q_value_model: node.value ?? 0,
    q_value: qValue(node),
    is_terminal: isTerminal(node),
    leads_to_terminal: isTerminal(node) || children.some((c) => c.leads_to_terminal),
    num_simulations: 0,
    alpha: 0,
    simulation_value: null,
    simulations: null,
    prior: node.prior,
    children,
  };
}

export type X1TreeFile = X1NodeOut & { readonly args: Record<string, unknown> };

/** x1's wording of a Countdown question (as in its Game of 24 runs). */
export function countdownQuestion(numbers: readonly number[], target: number): string {
  const listed = `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1] ?? ''}`;
  return `Use the numbers ${listed} and the operations +, -, * and / to obtain ${target}. Each number must be used exactly once.`;
}

export function treeToX1(tree: ReasoningTree, args: X1ExportArgs): X1TreeFile {
  const root = toX1(tree, getNode(tree, tree.rootId), [], args.question);
  return {
    ...root,
    args: {
      question: args.question,
      gt_solution: args.answer,
      reward_range: [0, 1],
      max_search_iterations: args.simulations,
      num_new_children: args.k,
      c1: X1_C1,
      c2: X1_C2,
      gamma: X1_GAMMA,
      exported_by: 'RLM Playground',
    },
  };
}
