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
  running: s.running,
  done: s.search?.done ?? false,
});

/** The search's progress against its budget, and whether it has found a verified solution. */
export function SearchStatus() {
  const s = usePlayground(useShallow(selectSearch));
  const state = s.running ? 'running' : s.done ? 'done' : s.hasSearch ? 'idle' : 'none';
  return (
    <span className="search-status" data-testid="search-status" data-state={state} data-solved={s.solved}>
      {s.hasSearch ? (
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
