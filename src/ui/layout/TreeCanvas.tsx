import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectDisplayedTree } from '../../state/selectors';
import type { ValidProblem } from '../../state/setup-validate';
import type { PlaygroundState } from '../../state/store-types';
import { ActionButton } from '../controls/ActionButton';
import { usePlayground } from '../store-context';
import { problemLabel, titleLabel, type NodeLabel } from '../tree/node-label';
import { TreeView } from '../tree/TreeView';

const NO_HIGHLIGHT: readonly string[] = [];
/** Tree labels on a projector (presenter view), in CSS pixels; 13 otherwise (TreeView's default). */
const PRESENTER_LABEL_PX = 22;

const selectCanvas = (s: PlaygroundState) => ({
  tree: selectDisplayedTree(s),
  selectedId: s.selectedId,
  highlight: s.search?.note.highlight ?? NO_HIGHLIGHT,
  phase: s.search?.note.phase ?? null,
  collapsed: s.collapsed,
  select: s.select,
  toggleCollapse: s.toggleCollapse,
  attachViewport: s.attachViewport,
  recording: s.search?.recording ?? false,
  presenter: s.presenter,
});

/**
 * The problem the displayed tree's root stands for, as one string (so that the selector's result
 * compares equal while it stays the same): an imported tree's title, or the search's problem.
 */
const selectRootKey = (s: PlaygroundState): string => {
  if (s.imported) return JSON.stringify({ title: s.imported.title });
  const setup = s.search?.setup;
  if (!setup) return JSON.stringify({ none: true });
  return JSON.stringify({ task: setup.task, problem: setup.problem });
};

function rootLabelOf(key: string): NodeLabel {
  // Written by selectRootKey just above: one of its three shapes.
  const parsed = JSON.parse(key) as { readonly title: string } | ValidProblem | { readonly none: true };
  if ('title' in parsed) return titleLabel(parsed.title);
  if ('task' in parsed) return problemLabel(parsed);
  return { lines: [], full: '' };
}

/** The tree view wired to the store: the displayed tree (live, or the past when scrubbing). */
export function TreeCanvas() {
  const c = usePlayground(useShallow(selectCanvas));
  const rootKey = usePlayground(selectRootKey);
  const rootLabel = useMemo(() => rootLabelOf(rootKey), [rootKey]);
  if (!c.tree) {
    return (
      <div className="tree-empty" data-testid="tree-empty">
        The tree appears here once the models are loaded and the puzzle is valid.
      </div>
    );
  }
  return (
    <div className="tree-canvas" data-recording={c.recording || undefined}>
      <TreeView
        tree={c.tree}
        rootLabel={rootLabel}
        selectedId={c.selectedId}
        highlightPath={c.highlight}
        phase={c.phase}
        collapsed={c.collapsed}
        onSelect={c.select}
        onToggleCollapse={c.toggleCollapse}
        onViewport={c.attachViewport}
        labelPx={c.presenter ? PRESENTER_LABEL_PX : undefined}
        badges={c.presenter}
        footerActions={<ActionButton id="fit" testId="btn-fit" className="tree-view__fit" />}
      />
    </div>
  );
}
