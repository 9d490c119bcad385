import { useState } from 'react';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './lesson.css';

/** Remembered in this browser: a dismissed hint stays dismissed on the next visit. */
const DISMISSED_KEY = 'rlm-playground.lesson-hint-dismissed';

function wasDismissed(): boolean {
  try {
    return window.localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    // Storage can be refused (a private window, a policy): then the hint is simply shown.
    return false;
  }
}

function remember(): void {
  try {
    window.localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // Not remembered: it shows again next time, which is harmless.
  }
}

const selectLesson = (s: PlaygroundState) => s.lessonOpen;
const selectOpen = (s: PlaygroundState) => s.openLesson;

/**
 * A first visit's pointer to the guided lesson, in the inspector's empty column: dismissed (or
 * followed) once, it does not come back in this browser.
 */
export function LessonHint() {
  const [dismissed, setDismissed] = useState(wasDismissed);
  const lessonOpen = usePlayground(selectLesson);
  const openLesson = usePlayground(selectOpen);
  if (dismissed || lessonOpen) return null;
  const close = () => {
    remember();
    setDismissed(true);
  };
  return (
    <section className="lesson-hint" data-testid="lesson-hint" aria-label="New here?">
      <p>
        <strong>New here?</strong> The lesson walks through one search step by step: what the policy and the
        value model do, and why MCTS finds what the greedy chain misses.
      </p>
      <div className="lesson-hint__actions">
        <button
          type="button"
          className="lesson-hint__start"
          data-testid="btn-lesson-hint-start"
          onClick={() => {
            close();
            openLesson(0);
          }}
        >
          Start the lesson
        </button>
        <button type="button" data-testid="btn-lesson-hint-dismiss" onClick={close}>
          Not now
        </button>
      </div>
    </section>
  );
}
