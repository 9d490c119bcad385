import { useEffect } from 'react';
import { LESSON_OUTLINE } from '../lesson-outline';
import { CLASS_MINUTES, stepSlot } from '../lesson-plan';
import { handoutHref, type HandoutVersion } from './handout-query';
import './handout.css';

export interface HandoutProps {
  readonly version: HandoutVersion;
}

/**
 * The lesson on one printed page, from the same outline as the lesson panel: each step's title,
 * key idea, question and exercise. The lecturer's version has the answers and the minutes instead
 * of the key ideas. The bar above the page is for the screen only; print CSS sets A4, two columns.
 */
export function Handout({ version }: HandoutProps) {
  const lecturer = version === 'lecturer';
  useEffect(() => {
    document.title = `RLM Playground — lesson handout${lecturer ? ' (lecturer)' : ''}`;
  }, [lecturer]);
  return (
    <div className="handout-page">
      <nav className="handout-bar" aria-label="Handout">
        <button type="button" data-testid="btn-handout-print" onClick={() => window.print()}>
          Print
        </button>
        <a href={handoutHref(lecturer ? 'student' : 'lecturer')} data-testid="handout-other-version">
          {lecturer ? 'Class version (no answers)' : 'Lecturer version (with answers and minutes)'}
        </a>
        <a href="?">Back to the playground</a>
        <span>One A4 page, two columns.</span>
      </nav>
      <article className="handout" data-testid="handout" data-version={version}>
        <header className="handout__head">
          <h1>Search over reasoning steps: MCTS with a policy and a value model</h1>
          <p>
            A {CLASS_MINUTES}-minute class with the RLM Playground. The puzzle: use 1 8 10 11 once each with +
            − × ÷ to make 24, one step at a time (<code>10-8=2 (left: 1 2 11)</code>).
          </p>
          <p className="handout__formulas">
            PUCT: Q(s,a) + c·P(s,a)·√N(s) / (1 + N(s,a)) · UCT: Q(s,a) + c·√(ln N(s) / N(s,a)) · Q = W / N
          </p>
        </header>
        <ol className="handout__steps">
          {LESSON_OUTLINE.map((step, i) => {
            const slot = stepSlot(LESSON_OUTLINE, i);
            return (
              <li key={step.id} data-testid="handout-step" data-step-id={step.id}>
                <h2>
                  {step.title}
                  {lecturer && (
                    <span className="handout__time">
                      {' '}
                      {slot.start}–{slot.end} min
                    </span>
                  )}
                </h2>
                {/* The lecturer has the panel's notes: their page trades the key ideas for the answers. */}
                {!lecturer && <p className="handout__key">{step.notes.keyIdea}</p>}
                <p>
                  <b>Q.</b> {step.notes.question.ask}
                  {lecturer && <span className="handout__answer"> {step.notes.question.answer}</span>}
                </p>
                <p>
                  <b>Try.</b> {step.notes.exercise.task}
                  {lecturer && <span className="handout__answer"> {step.notes.exercise.answer}</span>}
                </p>
              </li>
            );
          })}
        </ol>
      </article>
    </div>
  );
}
