import { describe, expect, it } from 'vitest';
import { clipAtWord, LABEL_LINE_CHARS, problemLabel, stepLabel, summaryLine, titleLabel } from './node-label';

describe('stepLabel', () => {
  it('shows a Countdown step and every number left, on two lines, with typeset operators', () => {
    expect(stepLabel('10-8=2 (left: 2 12)')).toEqual({
      lines: ['10−8=2', 'left 2 12'],
      full: '10-8=2 (left: 2 12)',
    });
    expect(stepLabel('12*2=24 (left: 24)').lines).toEqual(['12×2=24', 'left 24']);
    expect(stepLabel('8/2=4 (left: 1 4 10 11)').lines).toEqual(['8÷2=4', 'left 1 4 10 11']);
  });

  it('gives the root (empty text) no lines', () => {
    expect(stepLabel('')).toEqual({ lines: [], full: '' });
  });

  it('summarizes a math paragraph in one short line and keeps the whole text', () => {
    const text = 'Mia starts with 12 apples and gives 5 to her brother, so she has 12 - 5 = 7 apples left.';
    const label = stepLabel(text);
    expect(label.lines).toEqual(['12 - 5 = 7']);
    expect(label.full).toBe(text);
  });

  it('reads a final answer before any equation', () => {
    expect(summaryLine('So 7 + 8 = 15. The answer is 15.')).toBe('answer 15');
    expect(summaryLine('Thus \\boxed{42}')).toBe('answer 42');
  });

  it('takes the last equation of a step with several', () => {
    expect(summaryLine('First 3 x 4 = 12, then 12 + 6 = 18 pencils.')).toBe('12 + 6 = 18');
  });

  it('falls back to the opening words, cut at a word boundary', () => {
    const line = summaryLine('We need to find how many pencils there are in all of the boxes together.');
    expect(line.length).toBeLessThanOrEqual(LABEL_LINE_CHARS);
    expect(line).toBe('We need to find how many…');
  });

  it('shows an invalid Countdown step as it was written, not as a fragment', () => {
    expect(stepLabel('10-8=3 (left: 3 12)').lines).toEqual(['10−8=3', 'left 3 12']);
    expect(stepLabel('garbage').lines).toEqual(['garbage']);
  });
});

describe('problemLabel', () => {
  it('labels a Countdown root with the sorted numbers and the target', () => {
    const label = problemLabel({ task: 'countdown', problem: { numbers: [11, 1, 8, 10], target: 24 } });
    expect(label.lines).toEqual(['1 8 10 11 → 24']);
    expect(label.full).toBe('Make 24 from 1 8 10 11');
  });

  it('labels a math root with the start of its question', () => {
    const question = 'A box holds 6 pencils. How many pencils are in 7 boxes?';
    const label = problemLabel({ task: 'math', problem: { question, answer: 42 } });
    expect(label.lines).toEqual(['A box holds 6 pencils. How…']);
    expect(label.full).toBe(question);
  });

  it('labels an imported root with its title', () => {
    expect(titleLabel('  x1 tree  ')).toEqual({ lines: ['x1 tree'], full: 'x1 tree' });
    expect(titleLabel('').lines).toEqual([]);
  });
});

describe('clipAtWord', () => {
  it('keeps short text and cuts a single long word where it must', () => {
    expect(clipAtWord('short', 10)).toBe('short');
    expect(clipAtWord('abcdefghijklmnop', 8)).toBe('abcdefg…');
  });
});
