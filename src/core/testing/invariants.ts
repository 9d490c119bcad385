import { edgeVisits, liveChildren, type ReasoningTree } from '../tree';

/**
 * Tree invariants every strategy must keep; returns the violations (empty when all hold):
 * N = own evaluations + sum of what came in along each live child's edge (same for W; outside
 * graph mode a child's edge carries all its N), 0 <= Q <= 1, parent/child links agree. A
 * transposition has no children: what passed through it went on into the node it stands for.
 */
export function treeInvariantViolations(tree: ReasoningTree): string[] {
  const problems: string[] = [];
  const eps = 1e-9;
  for (const node of Object.values(tree.nodes)) {
    const kids = liveChildren(tree, node).map((k) => edgeVisits(tree, k));
    const visits = node.ownVisits + kids.reduce((a, k) => a + k.visits, 0);
    const valueSum = node.ownValueSum + kids.reduce((a, k) => a + k.valueSum, 0);
    if (node.transpositionOf !== undefined) {
      if (node.visits < node.ownVisits)
        problems.push(`${node.id}: N=${node.visits} below its own ${node.ownVisits}`);
    } else {
      if (node.visits !== visits)
        problems.push(`${node.id}: N=${node.visits} but own + children = ${visits}`);
      if (Math.abs(node.valueSum - valueSum) > 1e-6)
        problems.push(`${node.id}: W=${node.valueSum} but own + children = ${valueSum}`);
    }
    if (node.visits > 0) {
      const q = node.valueSum / node.visits;
      if (q < -eps || q > 1 + eps) problems.push(`${node.id}: Q=${q} outside [0, 1]`);
    }
    for (const c of node.childIds) {
      if (tree.nodes[c]?.parentId !== node.id)
        problems.push(`${c}: parent link does not point to ${node.id}`);
    }
  }
  return problems;
}
