import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { NodeId, ReasoningTree } from '../../core/tree';
import { drawnCountText } from './drawn-count';
import { Minimap } from './Minimap';
import { NodeCard } from './NodeCard';
import type { NodeLabel } from './node-label';
import { glyphScale, LABEL_PX, nodeRadius } from './node-style';
import { TreeEdge } from './TreeEdge';
import { TreeLabels } from './TreeLabels';
import { TreeLegend } from './TreeLegend';
import { TreeNodeGlyph } from './TreeNodeGlyph';
import { TreeOptionsBar } from './TreeOptionsBar';
import { useLiveLayout } from './use-live-layout';
import { usePlacedLabels } from './use-placed-labels';
import { useElementHeight } from './use-element-height';
import { useTreeOptions } from './use-tree-options';
import type { TreeViewport } from './tree-viewport';
import { useTreeViewport } from './use-tree-viewport';
import './tree-view.css';

export interface TreeViewProps {
  /**
   * A new object whenever the tree changed (the store publishes one per operator); a tree that
   * grew keeps its node map, another tree (a rewind, an import, the past) brings a new one.
   */
  readonly tree: ReasoningTree;
  /** What the root stands for (the problem); stable while the problem is the same. */
  readonly rootLabel: NodeLabel;
  readonly selectedId: NodeId | null;
  readonly highlightPath: readonly NodeId[];
  /** The strategy's phase; 'select' animates the highlighted path. */
  readonly phase: string | null;
  readonly collapsed: ReadonlySet<NodeId>;
  readonly onSelect: (id: NodeId) => void;
  readonly onToggleCollapse: (id: NodeId) => void;
  /** Hands the view's pan and zoom to whoever acts on it (the store's Fit), and null when it goes. */
  readonly onViewport?: (viewport: TreeViewport | null) => void;
  /** Controls shown at the end of the footer (the Fit button). */
  readonly footerActions?: ReactNode;
  /** The labels' font size on screen, in CSS pixels, at any zoom (13; larger for a projector). */
  readonly labelPx?: number;
  /** Whether N/Q badges start shown (the footer toggles them). */
  readonly badges?: boolean;
}

/**
 * Above this many drawn nodes nothing animates (as under prefers-reduced-motion): while a glyph or
 * an edge animates, the browser restyles and repaints the drawing on every frame, and a big tree
 * growing by the dozen keeps some animation running all the time, on glyphs too small to see it.
 */
const ANIMATED_NODES_MAX = 250;
/** The canvas size the layout fills is rounded to this, so a small resize does not lay the tree out again. */
const VIEW_STEP_PX = 32;
/** Below this canvas width the legend starts hidden (it would cover too much of the tree). */
const LEGEND_MIN_WIDTH = 900;

/**
 * The live search tree: d3-hierarchy lays it out (a few times a second at most while it grows),
 * React renders memoized glyphs and edges into one SVG, d3-zoom pans and zooms it, and the labels
 * are placed on screen so that none overlaps another.
 */
export function TreeView(props: TreeViewProps) {
  const { tree, selectedId, highlightPath, phase, collapsed, onViewport, rootLabel } = props;
  const labelPx = props.labelPx ?? LABEL_PX;
  const { svgRef, viewport, transform, size } = useTreeViewport();
  const options = useTreeOptions(props.badges ?? false);
  /** Nodes the user unfolded after the node budget folded them: the budget must leave them open. */
  const [opened, setOpened] = useState<ReadonlySet<NodeId>>(() => new Set());
  const [hoverId, setHoverId] = useState<NodeId | null>(null);

  const round = (px: number) => Math.round(px / VIEW_STEP_PX) * VIEW_STEP_PX;
  const live = useLiveLayout({
    tree,
    collapsed,
    pinned: selectedId === null ? [...opened] : [selectedId, ...opened],
    following: highlightPath,
    phase: phase ?? '',
    shape: {
      orientation: options.orientation,
      foldFailed: options.foldFailed,
      view: { width: round(size.width), height: round(size.height), labelPx },
    },
  });
  const { layout } = live;
  const horizontal = layout.orientation === 'left-right';

  // The caller may pass fresh closures on every render; the glyphs must get stable ones to stay memoized.
  const latest = useRef({ onSelect: props.onSelect, onToggleCollapse: props.onToggleCollapse, layout });
  useLayoutEffect(() => {
    latest.current = { onSelect: props.onSelect, onToggleCollapse: props.onToggleCollapse, layout };
  });
  const handleSelect = useCallback((id: NodeId) => latest.current.onSelect(id), []);
  const handleToggle = useCallback((id: NodeId) => {
    const node = latest.current.layout.byId.get(id);
    if (!node || node.childCount === 0) return;
    if (node.autoCollapsed) setOpened((prev) => new Set(prev).add(id));
    else latest.current.onToggleCollapse(id);
  }, []);

  const highlighted = live.following;

  // Built once per layout or selection, so a pan or zoom frame re-renders no glyph.
  const edgeElements = useMemo(
    () =>
      layout.edges.map((e) => (
        <TreeEdge
          key={`${e.sourceId}>${e.targetId}`}
          {...e}
          horizontal={horizontal}
          highlighted={highlighted.has(e.sourceId) && highlighted.has(e.targetId)}
        />
      )),
    [layout, highlighted, horizontal],
  );
  const nodeElements = useMemo(
    () =>
      layout.nodes.map((n) => {
        const parent = n.parentId === null ? undefined : layout.byId.get(n.parentId);
        return (
          <TreeNodeGlyph
            key={n.id}
            id={n.id}
            parentId={n.parentId ?? ''}
            x={n.x}
            y={n.y}
            enterDx={parent ? parent.x - n.x : 0}
            enterDy={parent ? parent.y - n.y : 0}
            text={n.text}
            state={n.state}
            visits={n.visits}
            q={n.q}
            value={n.value}
            prior={n.prior}
            reason={n.reason}
            childCount={n.childCount}
            folded={n.collapsed || n.autoCollapsed || n.failedFold}
            hiddenDescendants={n.hiddenDescendants}
            failedFold={n.failedFold}
            selected={n.id === selectedId}
            onPath={highlighted.has(n.id)}
            onSelect={handleSelect}
            onToggleCollapse={handleToggle}
            onHover={setHoverId}
          />
        );
      }),
    [layout, highlighted, selectedId, handleSelect, handleToggle],
  );

  const { placed, pads } = usePlacedLabels({
    svgRef,
    layout,
    k: transform.k,
    labelPx,
    rootLabel,
    selectedId,
    highlighted,
    badges: options.badges,
  });
  const dimmed = useMemo(() => new Set(layout.nodes.filter((n) => n.pruned).map((n) => n.id)), [layout]);

  useEffect(() => {
    if (!viewport || !onViewport) return;
    onViewport(viewport);
    return () => onViewport(null);
  }, [viewport, onViewport]);

  const legendShown = options.legend ?? size.width >= LEGEND_MIN_WIDTH;
  const [legendRef, legendHeight] = useElementHeight<HTMLDivElement>();
  useEffect(() => {
    // The legend lies over the canvas's foot: a fit keeps the tree and its labels above it.
    const bottom = legendShown ? pads.bottom + legendHeight + 6 : pads.bottom;
    // Very long labels cannot all fit beside a small canvas: they keep some room for the tree.
    const right = Math.min(pads.right, 0.45 * size.width);
    viewport?.setContent({ bounds: layout.bounds, pads: { ...pads, bottom, right } });
  }, [viewport, layout.bounds, pads, legendShown, legendHeight, size.width]);

  const panTo = useCallback((x: number, y: number) => viewport?.panTo(x, y), [viewport]);

  const hovered = hoverId === null ? undefined : layout.byId.get(hoverId);
  const hoveredNode = hoverId === null ? undefined : tree.nodes[hoverId];
  const drawn = layout.nodes.length;
  return (
    <div
      className={`tree-view${drawn > ANIMATED_NODES_MAX ? ' tree-view--calm' : ''}`}
      data-testid="tree-view"
      data-phase={live.phase}
      data-pending={live.pending || undefined}
      data-orientation={layout.orientation}
      style={{ ['--tree-label-px' as string]: `${labelPx}px` }}
    >
      <div className="tree-view__canvas">
        <svg ref={svgRef} className="tree-view__svg" data-testid="tree-svg">
          <g transform={transform.toString()}>
            <g className="tree-view__edges">{edgeElements}</g>
            <g
              className="tree-view__nodes"
              style={{ ['--glyph-scale' as string]: glyphScale(transform.k, labelPx) }}
            >
              {nodeElements}
            </g>
          </g>
          <TreeLabels
            placed={placed}
            tx={transform.x}
            ty={transform.y}
            width={size.width}
            height={size.height}
            labelPx={labelPx}
            selectedId={selectedId}
            dimmed={dimmed}
          />
        </svg>
        {hovered && hoveredNode && (
          <NodeCard
            node={hoveredNode}
            state={hovered.state}
            rootLabel={rootLabel}
            x={transform.applyX(hovered.x)}
            y={transform.applyY(hovered.y)}
            r={nodeRadius(hovered.visits) * transform.k * glyphScale(transform.k, labelPx)}
            canvasWidth={size.width}
            canvasHeight={size.height}
            hidden={hovered.hiddenDescendants}
          />
        )}
        {legendShown && (
          <div className="tree-view__legend" ref={legendRef}>
            <TreeLegend />
          </div>
        )}
      </div>
      <div className="tree-view__footer">
        <TreeOptionsBar options={options} legendShown={legendShown} drawn={layout.orientation} />
        <span className="tree-view__count" data-testid="tree-drawn-count">
          {drawnCountText(layout)}
        </span>
        {props.footerActions}
        <Minimap
          layout={layout}
          transform={transform}
          viewSize={size}
          selectedId={selectedId}
          onPanTo={panTo}
        />
      </div>
    </div>
  );
}
