import { describe, expect, it } from 'vitest';
import { LESSON_OUTLINE as LESSON_STEPS } from './lesson-outline';
import { CLASS_MINUTES, sentenceCount, stepSlot, totalMinutes } from './lesson-plan';

describe('the lesson plan', () => {
  it('fills the 45-minute class', () => {
    expect(totalMinutes(LESSON_STEPS)).toBe(CLASS_MINUTES);
    for (const s of LESSON_STEPS) expect(s.notes.minutes).toBeGreaterThan(0);
  });

  it('places each step after the one before it', () => {
    expect(stepSlot(LESSON_STEPS, 0)).toEqual({ start: 0, end: LESSON_STEPS[0]?.notes.minutes });
    for (let i = 1; i < LESSON_STEPS.length; i++)
      expect(stepSlot(LESSON_STEPS, i).start).toBe(stepSlot(LESSON_STEPS, i - 1).end);
    expect(stepSlot(LESSON_STEPS, LESSON_STEPS.length - 1).end).toBe(CLASS_MINUTES);
  });

  it('gives every step a key idea, 2-4 sentences to say, a question and an exercise, each with an answer', () => {
    for (const { id, notes } of LESSON_STEPS) {
      const texts = [
        notes.keyIdea,
        notes.question.ask,
        notes.question.answer,
        notes.exercise.task,
        notes.exercise.answer,
      ];
      for (const t of texts) expect(t.trim(), id).not.toBe('');
      expect(sentenceCount(notes.say), `${id}: ${notes.say}`).toBeGreaterThanOrEqual(2);
      expect(sentenceCount(notes.say), `${id}: ${notes.say}`).toBeLessThanOrEqual(4);
      expect(notes.question.ask.trim().endsWith('?'), id).toBe(true);
    }
  });

  it('has the steps the class needs, each once', () => {
    const ids = LESSON_STEPS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['counts', 'puct-uct', 'answer', 'depth']) expect(ids).toContain(id);
    // Each explanation comes after what it explains.
    expect(ids.indexOf('counts')).toBeGreaterThan(ids.indexOf('backpropagate'));
    expect(ids.indexOf('answer')).toBe(ids.indexOf('run') + 1);
    expect(ids.indexOf('depth')).toBe(ids.indexOf('scaling') + 1);
  });

  it('counts sentences, not the stops inside numbers and names', () => {
    expect(sentenceCount('P = 0.5 here. Then N(s) grows; e.g. with c = 1. Done!')).toBe(3);
    expect(sentenceCount('One sentence only')).toBe(1);
  });
});
