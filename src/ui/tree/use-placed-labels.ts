import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { NodeId } from '../../core/tree';
import { fitPads, placeLabels, type PlacedLabel } from './label-placement';
import { glyphScale } from './node-style';
import { labelSources } from './label-sources';
import type { NodeLabel } from './node-label';
import type { LayoutNode, TreeLayout } from './tree-layout';
import { textMeasure } from './text-measure';
import { labelPads, type LabelPads } from './tree-orientation';

export interface PlacedLabelsInput {
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly layout: TreeLayout;
  /** The zoom scale now. */
  readonly k: number;
  readonly labelPx: number;
  readonly rootLabel: NodeLabel;
  readonly selectedId: NodeId | null;
  readonly highlighted: ReadonlySet<NodeId>;
  readonly badges: boolean;
}

/**
 * The labels to draw, placed for the zoom scale now. What each node says is worked out once per
 * layout or selection; the placement again on each zoom step (a pan changes neither: the label
 * layer only moves), in a millisecond or so for the few hundred nodes a layout draws at most.
 */
export interface PlacedLabels {
  readonly placed: readonly PlacedLabel[];
  /** Room for the outermost labels, for a fit. */
  readonly pads: LabelPads;
}

export function usePlacedLabels(input: PlacedLabelsInput): PlacedLabels {
  const { svgRef, layout, k, labelPx, rootLabel, selectedId, highlighted, badges } = input;
  // The labels' font, read once the drawing is on the page: the canvas measures text in it.
  const [family, setFamily] = useState('sans-serif');
  useEffect(() => {
    const svg = svgRef.current;
    if (svg) setFamily(getComputedStyle(svg).fontFamily || 'sans-serif');
  }, [svgRef]);

  // Read from the drawing, not the store's tree: it changes once per layout, not on every update.
  const selectedPath = useMemo(() => pathIn(layout, selectedId), [layout, selectedId]);
  const answerPath = useMemo(() => answerPathIn(layout), [layout]);

  const sources = useMemo(
    () =>
      labelSources(layout.nodes, {
        orientation: layout.orientation,
        rootLabel,
        selectedId,
        selectedPath,
        highlighted,
        answerPath,
        badges,
      }),
    [layout, rootLabel, selectedId, selectedPath, highlighted, answerPath, badges],
  );

  const measure = textMeasure(labelPx, family);
  const { orientation } = layout;
  const pads = useMemo(
    () => fitPads(sources, { orientation, labelPx, measure }, labelPads(orientation, labelPx)),
    [sources, orientation, labelPx, measure],
  );
  const placed = useMemo(
    () => placeLabels(sources, { k, orientation, labelPx, measure, glyphScale: glyphScale(k, labelPx) }),
    [sources, k, orientation, labelPx, measure],
  );
  return { placed, pads };
}

/** Creation order of a node id (`n14` → 14): the engine numbers nodes as it creates them. */
const creation = (id: NodeId): number => Number(id.slice(1));

/** A drawn node and its ancestors (empty when it is not drawn). */
function pathIn(layout: TreeLayout, id: NodeId | null): ReadonlySet<NodeId> {
  const path = new Set<NodeId>();
  let n = id === null ? undefined : layout.byId.get(id);
  for (; n; n = n.parentId === null ? undefined : layout.byId.get(n.parentId)) path.add(n.id);
  return path;
}

/** The drawn path to the first verified solution drawn (unpruned, as the engine's answer is). */
export function answerPathIn(layout: TreeLayout): ReadonlySet<NodeId> {
  let first: LayoutNode | undefined;
  for (const n of layout.nodes) {
    if (n.state === 'terminal-solved' && (!first || creation(n.id) < creation(first.id))) first = n;
  }
  return pathIn(layout, first?.id ?? null);
}
