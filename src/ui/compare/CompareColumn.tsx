import { useShallow } from 'zustand/react/shallow';
import { selectGeneratedTokens, selectSolved } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';
import { NodeInspector } from '../inspector/NodeInspector';
import { TreeCanvas } from '../layout/TreeCanvas';
import { ModelStatus } from '../status/ModelStatus';
import { usePlayground } from '../store-context';
import { STRATEGY_LABELS } from '../strategy-labels';
import { WorkerNotice } from '../status/WorkerNotice';

/** How a column names its value: the PRM and ORM the compare view puts side by side. */
const VALUE_NAMES: Readonly<Record<string, string>> = {
  'countdown-value': 'value: PRM',
  'countdown-orm': 'value: ORM',
  none: 'no value',
  rollout: 'value: rollouts',
  'self-eval': 'value: self-evaluation',
};

/** Primitives from the published search: `useShallow` re-renders only when a shown one changes. */
const selectColumn = (s: PlaygroundState) => ({
  strategy: s.setup.strategy,
  value: s.setup.value,
  hasSearch: s.search !== null,
  running: s.running,
  done: s.search?.done ?? false,
  solved: selectSolved(s),
  answer: s.search?.result?.answer ?? null,
  resultSolved: s.search?.result?.solved ?? false,
  iterations: s.search?.result?.iterations ?? null,
  tokens: selectGeneratedTokens(s),
  nodes: s.search?.nodeCount ?? 0,
  error: s.searchError ?? s.modelError,
  inspecting: s.selectedId !== null,
  select: s.select,
});

/**
 * One side of the compare view: its strategy's tree, answer and token cost, and the inspector of
 * the node clicked in it (each column has its own store, so its own selection).
 */
export function CompareColumn() {
  const c = usePlayground(useShallow(selectColumn));
  const state = c.running ? 'running' : c.done ? 'done' : c.hasSearch ? 'idle' : 'none';
  return (
    <section
      className="compare-column"
      data-testid="compare-column"
      data-strategy={c.strategy}
      data-state={state}
    >
      <header className="compare-column__head">
        <h2>
          {STRATEGY_LABELS[c.strategy]}
          <span className="compare-column__value" data-testid="compare-value">
            {' '}
            · {VALUE_NAMES[c.value] ?? c.value}
          </span>
        </h2>
        <ModelStatus />
      </header>
      <dl className="compare-column__facts">
        <div>
          <dt>answer</dt>
          <dd data-testid="compare-answer" data-solved={c.done ? c.resultSolved : undefined}>
            {c.answer === null
              ? c.running
                ? 'searching…'
                : '—'
              : `${c.answer || '(none)'} ${c.resultSolved ? '✓ verified' : '✗ not verified'}`}
          </dd>
        </div>
        <div>
          <dt>generated tokens</dt>
          <dd data-testid="compare-tokens">{c.tokens}</dd>
        </div>
        <div>
          <dt>nodes</dt>
          <dd data-testid="compare-nodes">{c.nodes}</dd>
        </div>
        <div>
          <dt>iterations</dt>
          <dd>{c.iterations ?? '—'}</dd>
        </div>
      </dl>
      {c.error !== null && (
        <p className="compare-column__error" role="alert">
          {c.error}
        </p>
      )}
      <WorkerNotice />
      <TreeCanvas />
      <div
        className="compare-column__inspector"
        data-testid="compare-inspector"
        data-inspecting={c.inspecting || undefined}
      >
        {c.inspecting && (
          <button
            type="button"
            className="compare-column__close"
            data-testid="btn-compare-inspector-close"
            title="Close the inspector (the tree takes the room back)"
            onClick={() => c.select(null)}
          >
            ✕
          </button>
        )}
        <NodeInspector keys={false} />
      </div>
    </section>
  );
}
