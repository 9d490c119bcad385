import { describe, expect, it } from 'vitest';
import { ImportError, shortJson } from './import-error';
import { checkJsonDepth, looksBinary, MAX_IMPORT_DEPTH, withoutBom } from './json-limits';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('checkJsonDepth', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(() => checkJsonDepth(nested(MAX_IMPORT_DEPTH))).not.toThrow();
    expect(() => checkJsonDepth(nested(MAX_IMPORT_DEPTH + 1))).toThrow(ImportError);
    expect(() => checkJsonDepth(nested(5), 4, 'x')).toThrow(/more than 4 levels deep, which x$/);
  });

  it('refuses 200,000 levels of objects without overflowing the stack', () => {
    const deep: unknown = JSON.parse('{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000));
    expect(() => checkJsonDepth(deep)).toThrow(/more than 50,000 levels deep/);
  });
});

describe('looksBinary', () => {
  it('sees a NUL at once, and U+FFFD only once JSON.parse has refused the text', () => {
    expect(looksBinary('{"a": 1}\u0000', false)).toBe(true);
    expect(looksBinary('{"text": "\uFFFD"}', false)).toBe(false);
    expect(looksBinary('\uFFFDPNG', true)).toBe(true);
    expect(looksBinary('{"a": 1', true)).toBe(false);
  });
});

describe('withoutBom', () => {
  it('drops a leading byte order mark only', () => {
    expect(withoutBom('\uFEFF{}')).toBe('{}');
    expect(withoutBom('{"a": "\uFEFF"}')).toBe('{"a": "\uFEFF"}');
  });
});

describe('shortJson', () => {
  it('quotes scalars up to a length, and describes objects instead of printing them', () => {
    expect(shortJson('dfs')).toBe('"dfs"');
    expect(shortJson('x'.repeat(1000))).toHaveLength(60);
    expect(shortJson(nested(200_000))).toBe('an array of 1');
    expect(shortJson({ a: 1 })).toBe('an object with keys "a"');
  });
});
