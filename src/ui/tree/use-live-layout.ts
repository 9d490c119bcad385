import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { NodeId, ReasoningTree } from '../../core/tree';
import { layoutTree, type TreeLayout } from './tree-layout';
import type { OrientationSetting, ViewShape } from './tree-orientation';

/** The least time between two layouts of a growing tree. */
export const REDRAW_INTERVAL_MS = 150;
/** The most: even a costly tree is shown growing. */
const MAX_REDRAW_INTERVAL_MS = 1_500;
/**
 * Growth is redrawn after about this many times what the last redraw cost (layout, render, style
 * and paint), so that drawing takes a twenty-fifth of the main thread at most: a small tree, or a
 * fast machine, redraws every REDRAW_INTERVAL_MS, while a 2,000-node tree on a slow one redraws
 * less often instead of dropping frames. A redraw that spans k frames then comes about every 25k
 * frames, which keeps redraws to about 4% of frames, out of the slowest 5% (at 10, measured, 4 to
 * 7% of frames ran over 20 ms while a 2,000-node tree grew).
 */
const COST_FACTOR = 25;

export interface LiveLayoutInput {
  /** A new object on every change; the same node map while it only grows (see TreeViewProps). */
  readonly tree: ReasoningTree;
  readonly collapsed: ReadonlySet<NodeId>;
  /** Nodes the user chose to see (selected, unfolded): laid out again at once when they change. */
  readonly pinned: readonly NodeId[];
  /** The path the search works on: it moves with the search, so it follows the growth's pace. */
  readonly following: readonly NodeId[];
  /** The strategy's phase, shown on the followed path: it follows the growth's pace too. */
  readonly phase: string;
  /** How the user asked for the tree to be drawn: laid out again at once when they change. */
  readonly shape: LayoutShape;
}

/** The layout's options besides the tree: orientation, folding, and the canvas it should fill. */
export interface LayoutShape {
  readonly orientation: OrientationSetting;
  readonly foldFailed: boolean;
  /** The canvas size, rounded by the caller so that a small resize does not lay the tree out again. */
  readonly view: ViewShape;
}

/** The drawing: a layout with the path and phase it was made with, which the view highlights. */
export interface LiveLayout {
  /** The same object until the next layout. */
  readonly layout: TreeLayout;
  readonly following: ReadonlySet<NodeId>;
  readonly phase: string;
  /** The store has changed since: a newer drawing is on its way (tests wait for it). */
  readonly pending: boolean;
}

interface Drawn {
  readonly tree: ReasoningTree;
  readonly collapsed: ReadonlySet<NodeId>;
  readonly pinnedKey: string;
  readonly followingKey: string;
  readonly phase: string;
  readonly shapeKey: string;
}

const ids = (key: string): NodeId[] => (key === '' ? [] : key.split(','));

function compute(drawn: Drawn): TreeLayout {
  const shape = JSON.parse(drawn.shapeKey) as LayoutShape;
  return layoutTree(drawn.tree, {
    collapsed: drawn.collapsed,
    keepVisible: [...ids(drawn.followingKey), ...ids(drawn.pinnedKey)],
    orientation: shape.orientation,
    foldFailed: shape.foldFailed,
    view: shape.view.width > 0 ? shape.view : undefined,
  });
}

/**
 * The layout of a growing tree, computed in a task of its own rather than during a render. Laying
 * out during the render failed twice over while a search ran: the store publishes a new tree
 * from the worker's replies many times a second, so a deferred render was
 * interrupted and started over again and again, and a store update arriving during a concurrent
 * render makes React redo it synchronously, layout included, inside whatever task brought it.
 *
 * Growth (a new tree over the same node map, the followed path and phase) is laid out at most once per
 * REDRAW_INTERVAL_MS, or less often when redrawing costs more (COST_FACTOR); what the user did
 * (another tree, a fold, a selection) in the next task. Between two layouts nothing in the drawing
 * changes, so the browser has no part of it to restyle or repaint: the path and phase it
 * highlights are the ones it was laid out with.
 */
export function useLiveLayout(input: LiveLayoutInput): LiveLayout {
  const { tree, collapsed, phase } = input;
  const pinnedKey = input.pinned.join(',');
  const followingKey = input.following.join(',');
  // A string, so that an equal shape in a new object changes nothing.
  const shapeKey = JSON.stringify(input.shape);
  const [shown, setShown] = useState(() => {
    const first: Drawn = { tree, collapsed, pinnedKey, followingKey, phase, shapeKey };
    return { layout: compute(first), drawn: first };
  });
  const drawn = useRef<Drawn>(shown.drawn);
  const lastAt = useRef(-Infinity);
  const costMs = useRef(0);

  // What a redraw cost the main thread: from the timer to the commit (layout, render, commit), plus
  // the frame that shows it (a task queued from requestAnimationFrame runs after that frame's
  // style, layout and paint). The wait for the frame in between is no cost and is left out.
  useLayoutEffect(() => {
    const started = lastAt.current;
    if (started === -Infinity) return;
    const committed = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      const frameStart = performance.now();
      timer = setTimeout(() => {
        const cost = committed - started + (performance.now() - frameStart);
        costMs.current = (costMs.current + cost) / 2;
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown]);

  useEffect(() => {
    const next: Drawn = { tree, collapsed, pinnedKey, followingKey, phase, shapeKey };
    const last = drawn.current;
    const userChange =
      tree.nodes !== last.tree.nodes ||
      collapsed !== last.collapsed ||
      pinnedKey !== last.pinnedKey ||
      shapeKey !== last.shapeKey;
    const growth = tree !== last.tree || followingKey !== last.followingKey || phase !== last.phase;
    if (!userChange && !growth) return;
    const interval = Math.min(
      MAX_REDRAW_INTERVAL_MS,
      Math.max(REDRAW_INTERVAL_MS, COST_FACTOR * costMs.current),
    );
    const wait = userChange ? 0 : Math.max(0, lastAt.current + interval - performance.now());
    const timer = setTimeout(() => {
      lastAt.current = performance.now();
      drawn.current = next;
      setShown({ layout: compute(next), drawn: next });
    }, wait);
    return () => clearTimeout(timer);
  }, [tree, collapsed, pinnedKey, followingKey, phase, shapeKey]);

  // Pending while the drawing lags what it is asked to show (tests wait for it to catch up).
  const d = shown.drawn;
  const pending =
    d.tree !== tree ||
    d.collapsed !== collapsed ||
    d.pinnedKey !== pinnedKey ||
    d.followingKey !== followingKey ||
    d.phase !== phase ||
    d.shapeKey !== shapeKey;
  // One set per drawing, so that what the view memoizes on it holds until the next one.
  const following = useMemo(() => new Set(ids(shown.drawn.followingKey)), [shown]);
  return { layout: shown.layout, following, phase: shown.drawn.phase, pending };
}
