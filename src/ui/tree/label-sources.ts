import type { NodeId } from '../../core/tree';
import type { LabelSource } from './label-placement';
import { stepLabel, type NodeLabel } from './node-label';
import { foldButtonBox, nodeRadius } from './node-style';
import type { LayoutNode } from './tree-layout';
import type { Orientation } from './tree-orientation';

/**
 * What each drawn node would like to say and how much it matters, for placeLabels: the label's
 * lines for the orientation (two short lines under a node top-down, one line beside it
 * left-to-right), the N/Q badge when asked for, the count of what is folded below it.
 */
export interface LabelContext {
  readonly orientation: Orientation;
  /** The root's label (the problem). */
  readonly rootLabel: NodeLabel;
  readonly selectedId: NodeId | null;
  /** The selected node and its ancestors. */
  readonly selectedPath: ReadonlySet<NodeId>;
  /** The path the search works on. */
  readonly highlighted: ReadonlySet<NodeId>;
  /** The path to the answer (the first verified solution): the lecturer points at it, so it keeps its labels. */
  readonly answerPath: ReadonlySet<NodeId>;
  /** N and Q written under each label. */
  readonly badges: boolean;
}

/** Priority tiers, highest first; within a tier more visits go first. */
const TIER = { root: 5, selected: 4, path: 3, solved: 2, other: 1 } as const;

function tier(n: LayoutNode, ctx: LabelContext): number {
  if (n.parentId === null) return TIER.root;
  if (ctx.selectedPath.has(n.id)) return n.id === ctx.selectedId ? TIER.selected : TIER.path;
  if (ctx.highlighted.has(n.id) || ctx.answerPath.has(n.id)) return TIER.path;
  if (n.state === 'terminal-solved') return TIER.solved;
  return TIER.other;
}

/** N and Q, short: `N 12 · Q 0.58` (Q once visited, else the value estimate as V). */
export function badgeText(n: Pick<LayoutNode, 'visits' | 'q' | 'value'>): string {
  if (n.q !== undefined) return `N ${n.visits} · Q ${n.q.toFixed(2)}`;
  if (n.value !== undefined) return `N ${n.visits} · V ${n.value.toFixed(2)}`;
  return `N ${n.visits}`;
}

/** `+12` for a fold, `✕ 12 failed` for a folded failed subtree. */
export function foldText(n: Pick<LayoutNode, 'hiddenDescendants' | 'failedFold'>): string | null {
  if (n.hiddenDescendants === 0) return null;
  return n.failedFold ? `✕ ${n.hiddenDescendants} failed` : `+${n.hiddenDescendants} folded`;
}

export function labelLines(n: LayoutNode, ctx: LabelContext): string[] {
  const step = n.parentId === null ? ctx.rootLabel.lines : stepLabel(n.text).lines;
  // A step written by hand says so on the tree: the pencil marks it from the back of the room.
  const base = n.written ? step.map((line, i) => (i === 0 ? `✎ ${line}` : line)) : step;
  const extra: string[] = [];
  if (ctx.badges) extra.push(badgeText(n));
  const fold = foldText(n);
  if (fold) extra.push(fold);
  if (ctx.orientation === 'left-right' && n.parentId !== null) {
    // One line beside the node: siblings stack one line height apart. Badges go in parentheses.
    const line = [base.join('  '), ...extra.map((e) => `(${e})`)].filter((part) => part !== '').join('  ');
    return line === '' ? [] : [line];
  }
  return [...base, ...extra];
}

export function labelSources(nodes: readonly LayoutNode[], ctx: LabelContext): LabelSource[] {
  return nodes.map((n) => ({
    id: n.id,
    x: n.x,
    y: n.y,
    // The selection ring and the solved double ring reach a few units past the core.
    r: nodeRadius(n.visits) + 4,
    lines: labelLines(n, ctx),
    // Visits break ties within a tier; they never lift a node into the next tier.
    priority: tier(n, ctx) * 1e9 + Math.min(n.visits, 1e9 - 1),
    root: n.parentId === null,
    inner: n.childCount > 0 && n.hiddenDescendants === 0,
    badge: n.childCount > 0 ? foldButtonBox(nodeRadius(n.visits)) : undefined,
  }));
}
