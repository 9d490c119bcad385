import { useShallow } from 'zustand/react/shallow';
import { selectGeneratedTokens, selectSolved } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';
import { TreeCanvas } from '../layout/TreeCanvas';
import { ModelStatus } from '../status/ModelStatus';
import { usePlayground } from '../store-context';
import { STRATEGY_LABELS } from '../strategy-labels';
import { WorkerNotice } from '../status/WorkerNotice';

/** Primitives only, re-read on every `version` bump (the runner counts up in place). */
const selectColumn = (s: PlaygroundState) => ({
  version: s.version,
  strategy: s.setup.strategy,
  hasRunner: s.runner !== null,
  running: s.running,
  done: s.runner?.done ?? false,
  solved: selectSolved(s),
  answer: s.runner?.strategy.result?.answer ?? null,
  resultSolved: s.runner?.strategy.result?.solved ?? false,
  iterations: s.runner?.strategy.result?.iterations ?? null,
  tokens: selectGeneratedTokens(s),
  nodes: s.runner ? Object.keys(s.runner.session.tree.nodes).length : 0,
  error: s.searchError ?? s.modelError,
});

/** One side of the compare view: its strategy's tree, answer and token cost. */
export function CompareColumn() {
  const c = usePlayground(useShallow(selectColumn));
  const state = c.running ? 'running' : c.done ? 'done' : c.hasRunner ? 'idle' : 'none';
  return (
    <section
      className="compare-column"
      data-testid="compare-column"
      data-strategy={c.strategy}
      data-state={state}
    >
      <header className="compare-column__head">
        <h2>{STRATEGY_LABELS[c.strategy]}</h2>
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
    </section>
  );
}
