import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { NodeId, ReasoningTree } from '../../core/tree';
import { count } from '../../state/plural';
import { Minimap } from './Minimap';
import { labelFit } from './node-style';
import { TreeEdge } from './TreeEdge';
import { TreeLegend } from './TreeLegend';
import { TreeNodeGlyph } from './TreeNodeGlyph';
import { LEVEL_SPACING_Y, NODE_SPACING_X } from './tree-layout';
import { TreeLabels } from './TreeLabels';
import { useLiveLayout } from './use-live-layout';
import type { TreeViewport } from './tree-viewport';
import { useTreeViewport } from './use-tree-viewport';
import './tree-view.css';

export interface TreeViewProps {
  /**
   * A new object whenever the tree changed (the store publishes one per operator); a tree that
   * grew keeps its node map, another tree (a rewind, an import, the past) brings a new one.
   */
  readonly tree: ReasoningTree;
  readonly selectedId: NodeId | null;
  readonly highlightPath: readonly NodeId[];
  /** The strategy's current phase; 'select' animates the highlighted path. */
  readonly phase: string | null;
  readonly collapsed: ReadonlySet<NodeId>;
  readonly onSelect: (id: NodeId) => void;
  readonly onToggleCollapse: (id: NodeId) => void;
  /** Hands the view's pan and zoom to whoever acts on it (the store's Fit), and null when it goes. */
  readonly onViewport?: (viewport: TreeViewport | null) => void;
  /** Controls shown at the end of the footer (the Fit button). */
  readonly footerActions?: ReactNode;
}

/**
 * Above this many drawn nodes nothing animates (as under prefers-reduced-motion): while a glyph or
 * an edge animates, the browser restyles and repaints the drawing on every frame, and a big tree
 * growing by the dozen keeps some animation running all the time, on glyphs too small to see it.
 */
const ANIMATED_NODES_MAX = 250;

/**
 * The live search tree: d3-hierarchy lays it out (a few times a second at most while it grows),
 * React renders memoized glyphs and edges into one SVG, d3-zoom pans and zooms it.
 */
export function TreeView(props: TreeViewProps) {
  const { tree, selectedId, highlightPath, phase, collapsed, onViewport } = props;
  const { svgRef, viewport, transform, size } = useTreeViewport();
  /** Nodes the user unfolded after the node budget folded them: the budget must leave them open. */
  const [opened, setOpened] = useState<ReadonlySet<NodeId>>(() => new Set());

  const live = useLiveLayout({
    tree,
    collapsed,
    pinned: selectedId === null ? [...opened] : [selectedId, ...opened],
    following: highlightPath,
    phase: phase ?? '',
  });
  const { layout } = live;

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
  const labels = labelFit(transform.k);

  // Built once per layout or selection, so a pan or zoom frame re-renders no glyph.
  const edgeElements = useMemo(
    () =>
      layout.edges.map((e) => (
        <TreeEdge
          key={e.targetId}
          {...e}
          highlighted={highlighted.has(e.sourceId) && highlighted.has(e.targetId)}
        />
      )),
    [layout, highlighted],
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
            folded={n.collapsed || n.autoCollapsed}
            hiddenDescendants={n.hiddenDescendants}
            selected={n.id === selectedId}
            onPath={highlighted.has(n.id)}
            onSelect={handleSelect}
            onToggleCollapse={handleToggle}
          />
        );
      }),
    [layout, highlighted, selectedId, handleSelect, handleToggle],
  );

  useEffect(() => {
    if (!viewport || !onViewport) return;
    onViewport(viewport);
    return () => onViewport(null);
  }, [viewport, onViewport]);

  useEffect(() => viewport?.setContent(layout.bounds), [viewport, layout.bounds]);

  const panTo = useCallback((x: number, y: number) => viewport?.panTo(x, y), [viewport]);

  const drawn = layout.nodes.length;
  return (
    <div
      className={`tree-view${drawn > ANIMATED_NODES_MAX ? ' tree-view--calm' : ''}`}
      data-testid="tree-view"
      data-phase={live.phase}
      data-pending={live.pending || undefined}
    >
      <div className="tree-view__canvas">
        <svg ref={svgRef} className="tree-view__svg" data-testid="tree-svg">
          <g transform={transform.toString()}>
            <g className="tree-view__edges">{edgeElements}</g>
            <g className="tree-view__nodes">{nodeElements}</g>
            <TreeLabels
              nodes={layout.nodes}
              minX={transform.invertX(0) - NODE_SPACING_X}
              maxX={transform.invertX(size.width) + NODE_SPACING_X}
              minY={transform.invertY(0) - LEVEL_SPACING_Y}
              maxY={transform.invertY(size.height) + LEVEL_SPACING_Y}
              scale={labels.scale}
              fontSize={labels.fontSize}
              selectedId={selectedId}
            />
          </g>
        </svg>
      </div>
      <div className="tree-view__footer">
        <TreeLegend />
        <span className="tree-view__count" data-testid="tree-drawn-count">
          {drawn === layout.totalNodes
            ? count(drawn, 'node')
            : `${drawn} of ${layout.totalNodes} nodes drawn (least-visited folded)`}
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
