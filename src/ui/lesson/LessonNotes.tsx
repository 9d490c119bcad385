import { useState } from 'react';
import type { LessonNotes as Notes } from './lesson-step';

export interface LessonNotesProps {
  readonly notes: Notes;
  /** Where the step sits in the class, in minutes from the start. */
  readonly slot: { readonly start: number; readonly end: number };
  readonly classMinutes: number;
  /** In the presenter view the screen is the room's: the notes start folded away. */
  readonly presenter: boolean;
}

/**
 * The lecturer's notes for the step on the screen: what to say, a question for the room, an
 * exercise, each with its answer. Opened or folded, they stay so from step to step; entering the
 * presenter view folds them (the room sees that screen), leaving it opens them again.
 */
export function LessonNotes({ notes, slot, classMinutes, presenter }: LessonNotesProps) {
  const [open, setOpen] = useState(!presenter);
  const [forPresenter, setForPresenter] = useState(presenter);
  if (forPresenter !== presenter) {
    // Adjusting state while rendering (React's pattern for a prop change): no effect, no flash.
    setForPresenter(presenter);
    setOpen(!presenter);
  }
  return (
    <details
      className="lesson__notes"
      data-testid="lesson-notes"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        Lecturer notes{' '}
        <span className="lesson__muted" data-testid="lesson-notes-time">
          · {notes.minutes} min (minute {slot.start}–{slot.end} of {classMinutes})
        </span>
      </summary>
      <dl>
        <dt>Say</dt>
        <dd data-testid="lesson-notes-say">{notes.say}</dd>
        <dt>Ask the room</dt>
        <dd data-testid="lesson-notes-question">
          {notes.question.ask}
          <span className="lesson__answer" data-testid="lesson-notes-question-answer">
            {notes.question.answer}
          </span>
        </dd>
        <dt>Exercise</dt>
        <dd data-testid="lesson-notes-exercise">
          {notes.exercise.task}
          <span className="lesson__answer" data-testid="lesson-notes-exercise-answer">
            {notes.exercise.answer}
          </span>
        </dd>
      </dl>
    </details>
  );
}
