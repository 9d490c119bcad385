import { describe, expect, it } from 'vitest';
import { FIELDS, parseField } from './learn-fields';

const rounds = FIELDS.find((f) => f.key === 'rounds');
if (!rounds) throw new Error('no rounds field');

describe('parseField', () => {
  it('reads a whole number in range', () => {
    expect(parseField(' 3 ', rounds)).toEqual({ value: 3 });
  });

  it('refuses text, fractions, negatives and values out of range with a message that names the field', () => {
    for (const text of ['', 'abc', '2.5', '-1', '0', '999']) {
      const parsed = parseField(text, rounds);
      expect(parsed).toHaveProperty('error');
      expect('error' in parsed && parsed.error).toContain('Rounds');
    }
  });
});
