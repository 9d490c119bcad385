import { useShallow } from 'zustand/react/shallow';
import { MATH_PROBLEMS } from '../../core/tasks/math-problems';
import type { SetupField } from '../../state/setup';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './panels.css';

const CUSTOM = 'custom';
const LABEL_CHARS = 50;

const selectMath = (s: PlaygroundState) => ({
  problem: s.setup.problem,
  question: s.setup.question,
  answer: s.setup.answer,
  problemError: s.setupErrors.problem ?? s.urlErrors.problem,
  questionError: s.setupErrors.question ?? s.urlErrors.question,
  answerError: s.setupErrors.answer ?? s.urlErrors.answer,
});
const selectSetField = (s: PlaygroundState) => s.setField;

function optionLabel(id: string, question: string, answer: number | undefined): string {
  const short = question.length > LABEL_CHARS ? `${question.slice(0, LABEL_CHARS).trimEnd()}…` : question;
  return `${id} · ${short}${answer === undefined ? '' : ` = ${answer}`}`;
}

function errorLine(field: SetupField, message: string | undefined) {
  return message ? (
    <span className="panel__error" id={`error-${field}`} data-testid={`error-${field}`}>
      {message}
    </span>
  ) : null;
}

/**
 * A math word problem: one of the built-in problems, whose text and answer are shown as they are,
 * or one typed in, with a known answer when there is one (without it a final answer is recorded
 * but cannot be checked).
 */
export function MathProblemForm() {
  const m = usePlayground(useShallow(selectMath));
  const setField = usePlayground(selectSetField);
  const preset = MATH_PROBLEMS.find((p) => p.id === m.problem);
  const custom = m.problem === CUSTOM;

  return (
    <>
      <div className="panel__field">
        <label className="panel__label" htmlFor="problem-math">
          Problem
        </label>
        <select
          id="problem-math"
          className="panel__input"
          data-testid="select-math-problem"
          value={m.problem}
          aria-invalid={m.problemError !== undefined}
          aria-describedby={m.problemError ? 'error-problem' : undefined}
          onChange={(e) => setField('problem', e.target.value)}
        >
          {/* An unknown id (from the URL) stays selected beside its error, so the select never lies. */}
          {!preset && !custom && (
            <option value={m.problem} disabled>
              {m.problem || '(none)'}
            </option>
          )}
          {MATH_PROBLEMS.map((p) => (
            <option key={p.id} value={p.id}>
              {optionLabel(p.id ?? '', p.question, p.answer)}
            </option>
          ))}
          <option value={CUSTOM}>Custom problem…</option>
        </select>
        {errorLine('problem', m.problemError)}
      </div>

      {preset && (
        <div className="panel__field">
          <p className="panel__readonly" data-testid="math-question">
            {preset.question}
          </p>
          <span className="panel__hint" data-testid="math-answer">
            answer: {preset.answer ?? 'none known'}
          </span>
        </div>
      )}

      {custom && (
        <>
          <div className="panel__field">
            <label className="panel__label" htmlFor="problem-question">
              Question
            </label>
            <textarea
              id="problem-question"
              className="panel__input panel__textarea"
              data-testid="input-question"
              rows={5}
              placeholder="e.g. A farmer has 17 sheep and buys 8 more. How many sheep does he have?"
              value={m.question}
              aria-invalid={m.questionError !== undefined}
              aria-describedby={m.questionError ? 'error-question' : undefined}
              onChange={(e) => setField('question', e.target.value)}
            />
            {errorLine('question', m.questionError)}
          </div>
          <div className="panel__field">
            <label className="panel__label" htmlFor="problem-answer">
              Known answer (optional)
            </label>
            <input
              id="problem-answer"
              className="panel__input panel__input--short"
              data-testid="input-answer"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder="known answer (optional)"
              value={m.answer}
              aria-invalid={m.answerError !== undefined}
              aria-describedby={m.answerError ? 'error-answer' : undefined}
              onChange={(e) => setField('answer', e.target.value)}
            />
            {errorLine('answer', m.answerError)}
            <span className="panel__hint">without one, a final answer is shown but not checked</span>
          </div>
        </>
      )}
    </>
  );
}
