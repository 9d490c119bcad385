import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { timelineReason } from './action-reasons';
import { actionById, keyLabel } from './actions';
import './controls.css';

const OPERATOR_LABELS: Readonly<Record<string, string>> = {
  start: 'start',
  'expand-here': 'expand here (by hand)',
  prune: 'prune (by hand)',
  write: 'a step written by hand',
};

const ARROWS = ['timelineBack', 'timelineForward'] as const;
const HINT = `Move through the history of the search [${ARROWS.map((id) => actionById(id).keys.map(keyLabel).join(' or ')).join(' / ')}]`;

/** Primitives from the published search: `useShallow` re-renders only when what is shown changes. */
const selectTimeline = (s: PlaygroundState) => ({
  count: s.search?.timelineLength ?? 0,
  index: s.search?.shown.index ?? 0,
  operator: s.search?.shown.operator ?? null,
  past: s.search !== null && s.search.cursor !== null,
  reason: timelineReason(s),
  seek: s.seek,
});

/**
 * The search's history, one checkpoint per operator. Moving back shows the tree as it was; running
 * or stepping from there forks a new history (the later checkpoints are dropped).
 */
export function Timeline() {
  const t = usePlayground(useShallow(selectTimeline));
  const last = Math.max(0, t.count - 1);
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
        disabled={t.reason !== null}
        title={t.reason ?? HINT}
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
