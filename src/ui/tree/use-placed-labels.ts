import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { NodeId, ReasoningTree } from '../../core/tree';
import { pathTo } from '../../core/tree';
import { fitPads, placeLabels, type PlacedLabel } from './label-placement';
import { glyphScale } from './node-style';
import { labelSources } from './label-sources';
import type { NodeLabel } from './node-label';
import type { TreeLayout } from './tree-layout';
import { textMeasure } from './text-measure';
import { labelPads, type LabelPads } from './tree-orientation';

export interface PlacedLabelsInput {
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly tree: ReasoningTree;
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
  const { svgRef, tree, layout, k, labelPx, rootLabel, selectedId, highlighted, badges } = input;
  // The labels' font, read once the drawing is on the page: the canvas measures text in it.
  const [family, setFamily] = useState('sans-serif');
  useEffect(() => {
    const svg = svgRef.current;
    if (svg) setFamily(getComputedStyle(svg).fontFamily || 'sans-serif');
  }, [svgRef]);

  const selectedPath = useMemo(() => {
    if (selectedId === null || !tree.nodes[selectedId]) return new Set<NodeId>();
    return new Set(pathTo(tree, selectedId));
  }, [tree, selectedId]);

  const sources = useMemo(
    () =>
      labelSources(layout.nodes, {
        orientation: layout.orientation,
        rootLabel,
        selectedId,
        selectedPath,
        highlighted,
        badges,
      }),
    [layout, rootLabel, selectedId, selectedPath, highlighted, badges],
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
