import { describe, expect, it } from 'vitest';
import { presenterFromQuery, withPresenter } from './presenter-url';

describe('presenter in the URL', () => {
  it('opens only on presenter=1', () => {
    expect(presenterFromQuery('?numbers=1,2&presenter=1')).toBe(true);
    expect(presenterFromQuery('?presenter=0')).toBe(false);
    expect(presenterFromQuery('?presenter=yes')).toBe(false);
    expect(presenterFromQuery('')).toBe(false);
  });

  it('writes and removes the flag, keeping the setup and its commas', () => {
    expect(withPresenter('numbers=1,8,10,11&target=24', true)).toBe(
      'numbers=1,8,10,11&target=24&presenter=1',
    );
    expect(withPresenter('numbers=1,8&presenter=1&target=24', false)).toBe('numbers=1,8&target=24');
    expect(withPresenter('presenter=1', true)).toBe('presenter=1');
  });
});
