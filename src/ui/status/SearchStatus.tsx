import { useShallow } from 'zustand/react/shallow';
import { selectGeneratedTokens, selectSimulations, selectSolved } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './status.css';

/**
 * Primitives only: the runner counts up in place, and each change bumps `version`, which re-runs
 * this selector; `useShallow` re-renders only when a shown number or flag changes.
 */
const selectSearch = (s: PlaygroundState) => ({
  hasRunner: s.runner !== null,
  simulations: selectSimulations(s),
  budget: s.runner?.config.simulations ?? 0,
  tokens: selectGeneratedTokens(s),
  solved: selectSolved(s),
  running: s.running,
  done: s.runner?.done ?? false,
});

/** The search's progress against its budget, and whether it has found a verified solution. */
export function SearchStatus() {
  const s = usePlayground(useShallow(selectSearch));
  const state = s.running ? 'running' : s.done ? 'done' : s.hasRunner ? 'idle' : 'none';
  return (
    <span className="search-status" data-testid="search-status" data-state={state} data-solved={s.solved}>
      {s.hasRunner ? (
        <>
          {s.simulations} / {s.budget} simulations · {s.tokens} tokens
          {s.solved && <span className="search-status__solved"> · solved ✓</span>}
          {s.running && <span className="search-status__running"> · running</span>}
          {s.done && <span className="search-status__done"> · done</span>}
        </>
      ) : (
        'no search'
      )}
    </span>
  );
}
