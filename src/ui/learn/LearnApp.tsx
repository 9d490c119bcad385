import { useState } from 'react';
import { presenterFromQuery, withPresenter } from '../../state/presenter-url';
import { usePresenterEscape } from '../layout/use-presenter-escape';
import { BufferPanel } from './BufferPanel';
import { GenerationsChart } from './GenerationsChart';
import { GenerationsList } from './GenerationsList';
import { GenerationsTable } from './GenerationsTable';
import { LearnStoreContext, type LearnStore } from './learn-context';
import { LearnIntro } from './LearnIntro';
import { LearnSetup } from './LearnSetup';
import { LossCharts } from './LossCharts';
import { RunControls } from './RunControls';
import '../app.css';
import './learn.css';

export interface LearnAppProps {
  readonly store: LearnStore;
  /** The page's query (`?learn=1`, maybe with `presenter=1`). */
  readonly query: string;
}

/**
 * The Learn view (`?learn=1`): the models learn from their own search while the room watches.
 * Setup, run and replay buffer on one side; the generations' solve rates and the loss curves, the
 * payoff and the process, on the other.
 */
export function LearnApp({ store, query }: LearnAppProps) {
  const [presenter, setPresenter] = useState(() => presenterFromQuery(query));
  const present = (on: boolean) => {
    setPresenter(on);
    window.history.replaceState(null, '', `?${withPresenter(window.location.search, on)}`);
  };
  usePresenterEscape(presenter, () => present(false));
  return (
    <LearnStoreContext value={store}>
      <div className={`learn${presenter ? ' learn--presenter' : ''}`} data-testid="learn-view">
        <header className="learn-bar">
          <h1>Learn from search</h1>
          <button
            type="button"
            className="learn-button"
            data-testid="btn-learn-presenter"
            aria-pressed={presenter}
            title="Large type and high contrast for a projector (Esc leaves it)"
            onClick={() => present(!presenter)}
          >
            {presenter ? 'Leave presenter' : 'Presenter'}
          </button>
          <a
            className="learn-button learn-bar__back"
            data-testid="btn-learn-back"
            href={`?${withPresenter('', presenter)}`}
          >
            Back to the playground
          </a>
        </header>
        <main className="learn-main">
          <LearnIntro />
          <div className="learn-grid">
            <div className="learn-side">
              <RunControls />
              <LearnSetup />
              <BufferPanel />
            </div>
            <div className="learn-results">
              <section className="learn-panel" aria-labelledby="learn-generations-title">
                <h2 id="learn-generations-title">Before and after</h2>
                <GenerationsChart large={presenter} />
                <GenerationsTable />
              </section>
              <LossCharts large={presenter} />
              <GenerationsList />
            </div>
          </div>
        </main>
      </div>
    </LearnStoreContext>
  );
}
