import type { NewChild } from './events';
import { isInPrunedSubtree, nodeIdAt, stepsTo, type NodeId, type ReasoningTree } from './tree';

/**
 * Graph mode: the children of `parentId` about to be created, with each open one whose state an
 * earlier live node already holds marked as a transposition of it (`stateKey` names a state,
 * equal for every order of steps that reaches it). Within one expansion, the first child with a
 * state holds it. Children keep their order: the ids they will get are the tree's next ones.
 */
export function withTranspositions(
  tree: ReasoningTree,
  parentId: NodeId,
  children: readonly NewChild[],
  stateKey: (steps: readonly string[]) => string | undefined,
): NewChild[] {
  const holders = new Map<string, NodeId>();
  for (const node of Object.values(tree.nodes)) {
    if ((node.status !== 'open' && node.status !== 'expanded') || node.transpositionOf !== undefined)
      continue;
    if (isInPrunedSubtree(tree, node.id)) continue;
    const k = stateKey(stepsTo(tree, node.id));
    if (k !== undefined && !holders.has(k)) holders.set(k, node.id);
  }
  const previous = stepsTo(tree, parentId);
  let next = tree.nextId;
  return children.map((child) => {
    const id = nodeIdAt(next++);
    if (child.status !== 'open') return child;
    const k = stateKey([...previous, child.text]);
    if (k === undefined) return child;
    const holder = holders.get(k);
    if (holder === undefined) {
      holders.set(k, id);
      return child;
    }
    return { ...child, transpositionOf: holder };
  });
}
