import { useShallow } from 'zustand/react/shallow';
import { compareQuery } from '../../state/compare';
import type { PlaygroundState } from '../../state/store-types';
import { FileActions } from '../files/FileActions';
import { SessionsPanel } from '../sessions/SessionsPanel';
import { usePlayground } from '../store-context';

const selectHeader = (s: PlaygroundState) => ({
  setup: s.setup,
  lessonOpen: s.lessonOpen,
  openLesson: s.openLesson,
  closeLesson: s.closeLesson,
});

/** The header's ways into the lesson, the compare view and files. */
export function HeaderActions() {
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
      <a
        className="header-actions__link"
        data-testid="btn-compare"
        href={`?${compareQuery(h.setup, [h.setup.strategy, other])}`}
        title="Two strategies side by side on this problem and seed"
      >
        Compare
      </a>
      <FileActions />
      <SessionsPanel />
    </nav>
  );
}
