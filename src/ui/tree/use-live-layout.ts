import { useEffect, useMemo, useRef, useState } from 'react';
import type { NodeId, ReasoningTree } from '../../core/tree';
import { layoutTree, type TreeLayout } from './tree-layout';

/** The least time between two layouts of a growing tree. */
export const REDRAW_INTERVAL_MS = 150;

export interface LiveLayoutInput {
  /** Mutated in place by the engine: `version` says when it changed. */
  readonly tree: ReasoningTree;
  readonly version: number;
  readonly collapsed: ReadonlySet<NodeId>;
  /** Nodes the user chose to see (selected, unfolded): laid out again at once when they change. */
  readonly pinned: readonly NodeId[];
  /** The path the search works on: it moves with the search, so it follows the growth's pace. */
  readonly following: readonly NodeId[];
}

interface Drawn {
  readonly tree: ReasoningTree;
  readonly version: number;
  readonly collapsed: ReadonlySet<NodeId>;
  readonly pinnedKey: string;
  readonly followingKey: string;
}

const ids = (key: string): NodeId[] => (key === '' ? [] : key.split(','));

function compute(drawn: Drawn): TreeLayout {
  return layoutTree(drawn.tree, {
    collapsed: drawn.collapsed,
    keepVisible: [...ids(drawn.followingKey), ...ids(drawn.pinnedKey)],
  });
}

/**
 * The layout of a tree that the engine mutates in place, computed in a task of its own rather
 * than during a render. Laying out during the render failed twice over while a search ran: the
 * store bumps the version from the worker's replies many times a second, so a deferred render was
 * interrupted and started over again and again, and a store update arriving during a concurrent
 * render makes React redo it synchronously, layout included, inside whatever task brought it.
 *
 * Growth (the version, the followed path) is laid out at most once per REDRAW_INTERVAL_MS; what
 * the user did (another tree, a fold, a selection) in the next task.
 */
export function useLiveLayout(input: LiveLayoutInput): TreeLayout & { readonly pending: boolean } {
  const { tree, version, collapsed } = input;
  const pinnedKey = input.pinned.join(',');
  const followingKey = input.following.join(',');
  const [shown, setShown] = useState(() => {
    const first: Drawn = { tree, version, collapsed, pinnedKey, followingKey };
    return { layout: compute(first), drawn: first };
  });
  const drawn = useRef<Drawn>(shown.drawn);
  const lastAt = useRef(-Infinity);

  useEffect(() => {
    const next: Drawn = { tree, version, collapsed, pinnedKey, followingKey };
    const last = drawn.current;
    const userChange = tree !== last.tree || collapsed !== last.collapsed || pinnedKey !== last.pinnedKey;
    if (!userChange && version === last.version && followingKey === last.followingKey) return;
    const wait = userChange ? 0 : Math.max(0, lastAt.current + REDRAW_INTERVAL_MS - performance.now());
    const timer = setTimeout(() => {
      lastAt.current = performance.now();
      drawn.current = next;
      setShown({ layout: compute(next), drawn: next });
    }, wait);
    return () => clearTimeout(timer);
  }, [tree, version, collapsed, pinnedKey, followingKey]);

  // Pending while the drawing lags what it is asked to show (tests wait for it to catch up).
  const d = shown.drawn;
  const pending = d.tree !== tree || d.version !== version || d.collapsed !== collapsed || d.pinnedKey !== pinnedKey;
  // One object per layout and state, so that what the view memoizes on the layout stays memoized.
  return useMemo(() => ({ ...shown.layout, pending }), [shown, pending]);
}
