import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './controls.css';

const OPERATOR_LABELS: Readonly<Record<string, string>> = {
  start: 'start',
  'expand-here': 'expand here (by hand)',
  prune: 'prune (by hand)',
};

/**
 * Primitives only: the checkpoints grow in place, and every growth bumps `version`, which
 * re-runs this selector; `useShallow` then re-renders only when what is shown changes.
 */
const selectTimeline = (s: PlaygroundState) => {
  const count = s.runner?.checkpoints.length ?? 0;
  const index = s.cursor ?? Math.max(0, count - 1);
  return {
    count,
    index,
    operator: s.runner?.checkpoints[index]?.operator ?? null,
    past: s.cursor !== null,
    locked: s.imported
      ? 'An imported x1 tree has no history'
      : s.running
      ? 'Pause the search to move along the timeline'
      : s.busy
        ? 'A phase is in progress'
        : null,
    seek: s.seek,
  };
};

/**
 * The search's history, one checkpoint per operator. Moving back shows the tree as it was; running
 * or stepping from there forks a new history (the later checkpoints are dropped).
 */
export function Timeline() {
  const t = usePlayground(useShallow(selectTimeline));
  const last = Math.max(0, t.count - 1);
  const reason = t.count < 2 ? 'Nothing to go back to yet' : t.locked;
  return (
    <div className="timeline" data-testid="timeline" data-past={t.past || undefined}>
      <input
        type="range"
        className="timeline__slider"
        data-testid="timeline-slider"
        aria-label="Timeline"
        min={0}
        max={last}
        step={1}
        value={t.index}
        disabled={reason !== null}
        title={reason ?? 'Move through the history of the search [← / →]'}
        onChange={(e) => t.seek(Number(e.target.value))}
      />
      <span className="timeline__position">
        step {t.index} / {last}
        {t.operator && (
          <span className="timeline__operator" data-operator={t.operator}>
            {' '}
            · {OPERATOR_LABELS[t.operator] ?? t.operator}
          </span>
        )}
      </span>
      {t.past && (
        <span className="timeline__past" data-testid="timeline-past">
          viewing the past — Run/Step forks a new history
        </span>
      )}
    </div>
  );
}
