import { useShallow } from 'zustand/react/shallow';
import { selectDisplayedTree } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { TreeLegend } from '../tree/TreeLegend';
import { TreeView } from '../tree/TreeView';

const selectCanvas = (s: PlaygroundState) => ({
  tree: selectDisplayedTree(s),
  version: s.version,
  selectedId: s.selectedId,
  highlight: s.note.highlight,
  phase: s.note.phase,
  collapsed: s.collapsed,
  fitSignal: s.fitSignal,
  select: s.select,
  toggleCollapse: s.toggleCollapse,
});

/** The tree view wired to the store: the displayed tree (live, or the past when scrubbing). */
export function TreeCanvas() {
  const c = usePlayground(useShallow(selectCanvas));
  if (!c.tree) {
    return (
      <div className="tree-empty" data-testid="tree-empty">
        The tree appears here once the models are loaded and the puzzle is valid.
      </div>
    );
  }
  return (
    <div className="tree-canvas">
      <TreeView
        tree={c.tree}
        version={c.version}
        selectedId={c.selectedId}
        highlightPath={c.highlight}
        phase={c.phase}
        collapsed={c.collapsed}
        onSelect={c.select}
        onToggleCollapse={c.toggleCollapse}
        fitSignal={c.fitSignal}
      />
      <TreeLegend />
    </div>
  );
}
