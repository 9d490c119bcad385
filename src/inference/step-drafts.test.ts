import { describe, expect, it } from 'vitest';
import { draftTrie, followDraft, forcedTokens, StepEncoder } from './step-drafts';

describe('drafts from the allowed steps', () => {
  // Token ids standing for characters: "ab=1\n" and "ab=2\n" share "ab=", "cd=3\n" stands alone.
  const trie = draftTrie([
    [1, 2, 9, 11, 5],
    [1, 2, 9, 12, 5],
    [3, 4, 9, 13, 5],
  ]);

  it('forces nothing where the steps branch, and the whole rest where only one goes on', () => {
    expect(forcedTokens(trie, Infinity)).toEqual([]);
    expect(forcedTokens(followDraft(trie, 1), Infinity)).toEqual([2, 9]);
    expect(forcedTokens(followDraft(trie, 3), Infinity)).toEqual([4, 9, 13, 5]);
    expect(forcedTokens(followDraft(trie, 3), 2)).toEqual([4, 9]);
  });

  it('leaves the trie for good once a row draws off it', () => {
    const off = followDraft(followDraft(trie, 1), 7);
    expect(off).toBeNull();
    expect(followDraft(off, 2)).toBeNull();
    expect(forcedTokens(off, Infinity)).toEqual([]);
  });

  it('ends with the step: nothing is forced after its separator', () => {
    const end = [3, 4, 9, 13, 5].reduce(followDraft, trie);
    expect(end).not.toBeNull();
    expect(forcedTokens(end, Infinity)).toEqual([]);
  });

  it('encodes each step text once, and forgets all beyond its capacity', () => {
    const calls: string[] = [];
    const encoder = new StepEncoder((text) => {
      calls.push(text);
      return [...text].map((c) => c.charCodeAt(0));
    }, 2);
    expect(encoder.ids('ab')).toEqual([97, 98]);
    encoder.ids('ab');
    encoder.ids('cd');
    expect(calls).toEqual(['ab', 'cd']);
    encoder.ids('ef');
    encoder.ids('ab');
    expect(calls).toEqual(['ab', 'cd', 'ef', 'ab']);
  });
});
