import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground, usePlaygroundStore } from '../store-context';
import { handoutHref } from './handout/handout-query';
import { CLASS_MINUTES, stepSlot } from './lesson-plan';
import { LessonNotes } from './LessonNotes';
import { LESSON_STEPS } from './lesson-steps';
import { useLessonKeys } from './use-lesson-keys';
import './lesson.css';

const selectLesson = (s: PlaygroundState) => ({
  open: s.lessonOpen,
  step: Math.min(s.lessonStep, LESSON_STEPS.length - 1),
  presenter: s.presenter,
  goTo: s.goToLessonStep,
  close: s.closeLesson,
  setPresenter: s.setPresenter,
  status: s.lessonStatus,
  setStatus: s.setLessonStatus,
});

/**
 * The guided lesson: one step at a time, each driving the real playground (its enter action runs
 * when the lesson moves forward onto it) and explaining what is on the canvas with live numbers.
 */
export function LessonPanel() {
  const l = usePlayground(useShallow(selectLesson));
  const store = usePlaygroundStore();
  const entering = l.status;
  const entered = useRef(-1);
  const enterToken = useRef(0);
  const def = LESSON_STEPS[l.step];

  useEffect(() => {
    if (!l.open) {
      entered.current = -1;
      return;
    }
    // Forward only: going back to reread a step leaves the search where it is.
    if (l.step <= entered.current) return;
    entered.current = l.step;
    const enter = LESSON_STEPS[l.step]?.enter;
    if (!enter) return l.setStatus({ state: 'ready' });
    // Only the latest step's outcome is shown. No cleanup cancels it: StrictMode runs effects
    // twice, and the second run returns above, so the first run's promise must still land.
    const token = ++enterToken.current;
    l.setStatus({ state: 'entering' });
    enter(store).then(
      () => token === enterToken.current && l.setStatus({ state: 'ready' }),
      (e: unknown) =>
        token === enterToken.current &&
        l.setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [l, store]);

  const last = LESSON_STEPS.length - 1;
  const go = (delta: 1 | -1) => {
    if (entering.state === 'entering') return;
    const next = l.step + delta;
    if (next >= 0 && next <= last) l.goTo(next);
  };
  useLessonKeys(l.open, l.presenter, go, () => l.setPresenter(false));
  if (!l.open || !def) return null;
  const { Body } = def;

  return (
    <section className="lesson" data-testid="lesson" aria-label="Guided lesson" aria-live="polite">
      <header className="lesson__head">
        <span className="lesson__count" data-testid="lesson-count">
          {l.step + 1} / {LESSON_STEPS.length}
        </span>
        <a
          href={handoutHref('student')}
          target="_blank"
          rel="noopener"
          data-testid="lesson-handout-link"
          title="The whole lesson on one printable page: each step's key idea, question and exercise"
        >
          Handout
        </a>
        <button type="button" data-testid="btn-lesson-close" onClick={l.close} title="Close the lesson">
          ✕
        </button>
      </header>
      <article
        className="lesson__step"
        data-testid="lesson-step"
        data-step-id={def.id}
        data-step-index={l.step}
        data-state={entering.state}
      >
        <h2>{def.title}</h2>
        {entering.state === 'entering' && <p className="lesson__working">The playground is getting there…</p>}
        {entering.state === 'error' && (
          <p className="lesson__error" role="alert">
            This step could not drive the playground: {entering.message}
          </p>
        )}
        <Body />
      </article>
      <footer className="lesson__nav">
        <button
          type="button"
          data-testid="btn-lesson-prev"
          disabled={l.step === 0 || entering.state === 'entering'}
          onClick={() => go(-1)}
        >
          ← Back
        </button>
        <ol className="lesson__dots" aria-label="Lesson steps">
          {LESSON_STEPS.map((s, i) => (
            <li
              key={s.id}
              className={i === l.step ? 'is-current' : i < l.step ? 'is-done' : ''}
              title={s.title}
            />
          ))}
        </ol>
        <button
          type="button"
          data-testid="btn-lesson-next"
          className="lesson__next"
          disabled={l.step === last || entering.state === 'entering'}
          onClick={() => go(1)}
        >
          Next →
        </button>
      </footer>
      {/* Below the navigation: Next stays beside the step, the notes read on under it. */}
      <LessonNotes
        notes={def.notes}
        slot={stepSlot(LESSON_STEPS, l.step)}
        classMinutes={CLASS_MINUTES}
        presenter={l.presenter}
      />
    </section>
  );
}
