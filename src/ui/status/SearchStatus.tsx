import { useShallow } from 'zustand/react/shallow';
import { selectGeneratedTokens, selectSimulations, selectSolved } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './status.css';

/** Primitives from the published search: `useShallow` re-renders only when a shown one changes. */
const selectSearch = (s: PlaygroundState) => ({
  hasSearch: s.search !== null,
  simulations: selectSimulations(s),
  budget: s.search?.config.simulations ?? 0,
  tokens: selectGeneratedTokens(s),
  solved: selectSolved(s),
  firstSolvedAt: s.search?.shown.firstSolvedAt ?? null,
  running: s.running,
  recording: s.search?.recording ?? false,
  done: s.search?.shown.nextPhase === 'done',
  // Read as the search moves (each phase publishes): the models' counters change with it.
  reuse: s.search === null ? null : s.prefixReuse(),
});

/** The search's progress against its budget, and whether it has found a verified solution. */
export function SearchStatus() {
  const s = usePlayground(useShallow(selectSearch));
  const state = s.recording
    ? 'recording'
    : s.running
      ? 'running'
      : s.done
        ? 'done'
        : s.hasSearch
          ? 'idle'
          : 'none';
  // The line may be cut with an ellipsis in a narrow header: the whole of it is in the tooltip.
  const title = s.hasSearch
    ? [
        `${s.recording ? 'recording · ' : ''}${s.simulations} / ${s.budget} simulations · ${s.tokens} tokens`,
        s.solved && `solved ✓${s.firstSolvedAt !== null ? ` first at simulation ${s.firstSolvedAt}` : ''}`,
        s.running && 'running',
        s.done && 'done',
        s.reuse !== null &&
          `prefix cache: ${Math.round(s.reuse * 100)}% of the policy's prompt tokens reused`,
      ]
        .filter(Boolean)
        .join(' · ')
    : 'no search';
  return (
    <span
      className="search-status"
      data-testid="search-status"
      data-state={state}
      data-solved={s.solved}
      data-prefix-reuse={s.reuse === null ? undefined : s.reuse.toFixed(3)}
      title={title}
    >
      {s.hasSearch ? (
        <>
          {s.recording && <span className="search-status__recording">recording · </span>}
          {s.simulations} / {s.budget} simulations · {s.tokens} tokens
          {s.solved && (
            <span className="search-status__solved" data-testid="first-solved">
              {' '}
              · solved ✓{s.firstSolvedAt !== null && ` first at simulation ${s.firstSolvedAt}`}
            </span>
          )}
          {s.running && <span className="search-status__running"> · running</span>}
          {s.done && <span className="search-status__done"> · done</span>}
        </>
      ) : (
        'no search'
      )}
    </span>
  );
}
