import { count } from '../../state/plural';
import type { TreeLayout } from './tree-layout';

/**
 * The footer's node count, and when not every node is drawn, why: the node budget folds the
 * least-visited subtrees, "Fold failed" the failed ones, and the user folds by hand.
 */
export function drawnCountText(layout: TreeLayout): string {
  const drawn = layout.nodes.length;
  if (drawn === layout.totalNodes) return count(drawn, 'node');
  const reasons = new Set<string>();
  for (const n of layout.nodes) {
    if (n.hiddenDescendants === 0) continue;
    if (n.collapsed) reasons.add('by hand');
    else if (n.failedFold) reasons.add('failed');
    else if (n.autoCollapsed) reasons.add('least-visited');
  }
  const why = ['least-visited', 'failed', 'by hand'].filter((r) => reasons.has(r)).join(', ');
  return `${drawn} of ${layout.totalNodes} nodes drawn (folded: ${why})`;
}
