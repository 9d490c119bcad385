import type { Ref } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareQuery } from '../../state/compare';
import { withPresenter } from '../../state/presenter-url';
import type { PlaygroundState } from '../../state/store-types';
import { FileActions } from '../files/FileActions';
import { SessionsPanel } from '../sessions/SessionsPanel';
import { usePlayground } from '../store-context';
import { HeaderMenu } from './HeaderMenu';

const selectHeader = (s: PlaygroundState) => ({
  setup: s.setup,
  lessonOpen: s.lessonOpen,
  openLesson: s.openLesson,
  closeLesson: s.closeLesson,
  presenter: s.presenter,
  setPresenter: s.setPresenter,
});

export interface HeaderActionsProps {
  /** The side panel (lesson and inspector) as a sheet, on screens too narrow to dock it. */
  readonly sideOpen: boolean;
  readonly toggleSide: () => void;
  readonly sideRef: Ref<HTMLButtonElement>;
}

/** The header's ways into the lesson, the presenter view, the node details, the compare and learn views and files. */
export function HeaderActions({ sideOpen, toggleSide, sideRef }: HeaderActionsProps) {
  const h = usePlayground(useShallow(selectHeader));
  const other = h.setup.strategy === 'cot' ? 'mcts' : 'cot';
  return (
    <nav className="header-actions" aria-label="Views and files">
      <button
        type="button"
        data-testid="btn-lesson"
        aria-pressed={h.lessonOpen}
        title="A guided lesson that drives the playground: models, one MCTS iteration, priors, strategies, test-time compute, supervision"
        onClick={() => (h.lessonOpen ? h.closeLesson() : h.openLesson(0))}
      >
        {h.lessonOpen ? 'Close lesson' : 'Lesson'}
      </button>
      <button
        type="button"
        className="header-actions__side"
        data-testid="btn-side-panel"
        ref={sideRef}
        aria-pressed={sideOpen}
        title="The selected node's details (and the lesson, when it is open)"
        onClick={toggleSide}
      >
        Details
      </button>
      <button
        type="button"
        className="header-actions__presenter"
        data-testid="btn-presenter-view"
        aria-pressed={h.presenter}
        title="Presenter view: the whole page in large type and high contrast for a projector, the tree and one panel (Esc leaves it)"
        onClick={() => h.setPresenter(!h.presenter)}
      >
        {h.presenter ? 'Leave presenter' : 'Presenter'}
      </button>
      <HeaderMenu>
        <a
          className="header-actions__link"
          data-testid="btn-compare"
          href={`?${compareQuery(h.setup, [h.setup.strategy, other])}`}
          title="Two strategies side by side on this problem and seed"
        >
          Compare
        </a>
        <a
          className="header-actions__link"
          data-testid="btn-learn"
          href={`?${withPresenter('learn=1', h.presenter)}`}
          title="The models learn from their own search: self-play, training in this tab, before and after"
        >
          Learn
        </a>
        <FileActions />
        <SessionsPanel />
      </HeaderMenu>
    </nav>
  );
}
