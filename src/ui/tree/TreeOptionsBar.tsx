import type { Orientation, OrientationSetting } from './tree-orientation';
import type { TreeOptionsState } from './use-tree-options';
import './tree-options.css';

/** The tree's own controls in its footer: the legend, which way the tree grows, badges, folding failures. */
export interface TreeOptionsBarProps {
  readonly options: TreeOptionsState;
  /** Whether the legend is shown now (the user's choice, or the default for the canvas size). */
  readonly legendShown: boolean;
  /** The orientation drawn, which 'auto' names. */
  readonly drawn: Orientation;
}

const ORIENTATION_WORDS: Readonly<Record<Orientation, string>> = {
  'top-down': 'top-down',
  'left-right': 'left-right',
};

export function TreeOptionsBar({ options, legendShown, drawn }: TreeOptionsBarProps) {
  return (
    <div className="tree-options">
      <button
        type="button"
        className="tree-options__button"
        data-testid="tree-legend-toggle"
        aria-pressed={legendShown}
        onClick={() => options.set('legend', !legendShown)}
      >
        Legend
      </button>
      <label
        className="tree-options__field"
        title="Which way the tree grows (auto: the one that leaves its labels more room)"
      >
        <span className="tree-options__name">Layout</span>
        <select
          data-testid="tree-orientation"
          value={options.orientation}
          onChange={(e) => options.set('orientation', e.target.value as OrientationSetting)}
        >
          <option value="auto">auto ({ORIENTATION_WORDS[drawn]})</option>
          <option value="top-down">top-down</option>
          <option value="left-right">left-right</option>
        </select>
      </label>
      <label className="tree-options__field" title="Write N and Q under each label">
        <input
          type="checkbox"
          data-testid="tree-badges"
          checked={options.badges}
          onChange={(e) => options.set('badges', e.target.checked)}
        />
        N/Q
      </label>
      <label className="tree-options__field" title="Fold each subtree whose every leaf failed into one mark">
        <input
          type="checkbox"
          data-testid="tree-fold-failed"
          checked={options.foldFailed}
          onChange={(e) => options.set('foldFailed', e.target.checked)}
        />
        Fold failed
      </label>
    </div>
  );
}
