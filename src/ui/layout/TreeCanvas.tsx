import { useShallow } from 'zustand/react/shallow';
import { selectDisplayedTree } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';
import { ActionButton } from '../controls/ActionButton';
import { usePlayground } from '../store-context';
import { TreeView } from '../tree/TreeView';

const NO_HIGHLIGHT: readonly string[] = [];

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
    <div className="tree-canvas" data-recording={c.recording || undefined}>
      <TreeView
        tree={c.tree}
        selectedId={c.selectedId}
        highlightPath={c.highlight}
        phase={c.phase}
        collapsed={c.collapsed}
        onSelect={c.select}
        onToggleCollapse={c.toggleCollapse}
        onViewport={c.attachViewport}
        footerActions={<ActionButton id="fit" testId="btn-fit" className="tree-view__fit" />}
      />
    </div>
  );
}
