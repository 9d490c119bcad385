import { describe, expect, it } from 'vitest';
import { handoutFromQuery, handoutHref } from './handout-query';

describe('handoutFromQuery', () => {
  it('opens the class handout, the lecturer version, or none', () => {
    expect(handoutFromQuery('?handout=1')).toBe('student');
    expect(handoutFromQuery('?handout')).toBe('student');
    expect(handoutFromQuery('?handout=lecturer')).toBe('lecturer');
    expect(handoutFromQuery('?numbers=1,8,10,11&target=24')).toBeNull();
    expect(handoutFromQuery('?handout=0')).toBeNull();
    expect(handoutFromQuery('')).toBeNull();
  });

  it('reads back the addresses it writes', () => {
    expect(handoutFromQuery(handoutHref('student'))).toBe('student');
    expect(handoutFromQuery(handoutHref('lecturer'))).toBe('lecturer');
  });
});
