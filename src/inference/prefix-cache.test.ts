import { describe, expect, it } from 'vitest';
import { buildPast, concatRuns, headOf, kvRunBytes, tailOf, type KvLayout, type KvRun } from './kv';
import { PrefixCache } from './prefix-cache';

const LAYOUT: KvLayout = { layers: 2, heads: 2, headDim: 3, dtype: 'float32' };

/** Keys/values whose every number names its token: position p of token id t holds t + p/100. */
function runFor(ids: readonly number[], from = 0): KvRun {
  const make = (layer: number, kind: number) => {
    const out = new Float32Array(LAYOUT.heads * ids.length * LAYOUT.headDim);
    for (let h = 0; h < LAYOUT.heads; h++)
      for (let t = 0; t < ids.length; t++)
        for (let d = 0; d < LAYOUT.headDim; d++)
          out[(h * ids.length + t) * LAYOUT.headDim + d] =
            (ids[t] as number) + (from + t) / 100 + layer * 1000 + kind * 10000;
    return out;
  };
  return {
    length: ids.length,
    keys: [make(0, 0), make(1, 0)],
    values: [make(0, 1), make(1, 1)],
  };
}

/** The token ids a list of runs holds, read back from head 0, dimension 0 of layer 0's keys. */
function tokensOf(runs: readonly KvRun[]): number[] {
  return runs.flatMap((r) =>
    Array.from({ length: r.length }, (_, t) => Math.floor(r.keys[0]?.[t * LAYOUT.headDim] ?? -1)),
  );
}

const insert = (cache: PrefixCache, ids: number[]) =>
  cache.insert(ids, (from, to) => runFor(ids.slice(from, to), from));

describe('the prefix cache (a radix tree of keys/values by token ids)', () => {
  it('gives back the longest cached prefix, across edges and into the middle of one', () => {
    const cache = new PrefixCache(LAYOUT, 1 << 20);
    insert(cache, [1, 2, 3, 4, 5]);
    insert(cache, [1, 2, 3, 9]);
    const m = cache.match([1, 2, 3, 4, 7, 8]);
    expect(m.length).toBe(4);
    expect(tokensOf(m.runs)).toEqual([1, 2, 3, 4]);
    m.release();
    expect(cache.match([1, 2, 3, 9, 9]).length).toBe(4);
    expect(cache.match([5, 1]).length).toBe(0);
    // A cap leaves at least the last token to be fed.
    expect(cache.match([1, 2, 3, 4, 5], 4).length).toBe(4);
  });

  it('splits an edge where a new sequence leaves it, keeping both branches whole', () => {
    const cache = new PrefixCache(LAYOUT, 1 << 20);
    insert(cache, [1, 2, 3, 4]);
    const before = cache.stats.bytes;
    insert(cache, [1, 2, 7]);
    // Only the new token is stored; the shared [1, 2] is kept once.
    expect(cache.stats.bytes - before).toBe(kvRunBytes(runFor([7])));
    expect(tokensOf(cache.match([1, 2, 3, 4]).runs)).toEqual([1, 2, 3, 4]);
    expect(tokensOf(cache.match([1, 2, 7]).runs)).toEqual([1, 2, 7]);
    expect(cache.stats.nodes).toBe(3);
  });

  it('asks only for the keys/values it does not hold yet', () => {
    const cache = new PrefixCache(LAYOUT, 1 << 20);
    insert(cache, [1, 2, 3]);
    const asked: [number, number][] = [];
    cache.insert([1, 2, 3, 4, 5], (from, to) => {
      asked.push([from, to]);
      return runFor([4, 5].slice(0, to - from), from);
    });
    expect(asked).toEqual([[3, 5]]);
    cache.insert([1, 2], () => {
      throw new Error('nothing should be asked for a cached prefix');
    });
  });

  it('drops least-recently-used leaves beyond its budget, never a pinned prefix', () => {
    const oneToken = kvRunBytes(runFor([1]));
    const cache = new PrefixCache(LAYOUT, oneToken * 6);
    insert(cache, [1, 2, 3]);
    const pinned = cache.match([1, 2, 3]);
    insert(cache, [4, 5, 6]);
    insert(cache, [7, 8, 9]);
    // Over budget: [4 5 6] is the oldest unpinned leaf; [1 2 3] is pinned, so it stays.
    expect(cache.stats.bytes).toBeLessThanOrEqual(oneToken * 6);
    expect(cache.match([1, 2, 3]).length).toBe(3);
    expect(cache.match([4, 5, 6]).length).toBe(0);
    expect(cache.match([7, 8, 9]).length).toBe(3);
    pinned.release();
    insert(cache, [10, 11, 12]);
    expect(cache.stats.bytes).toBeLessThanOrEqual(oneToken * 6);
    expect(cache.stats.evictedNodes).toBeGreaterThanOrEqual(2);
  });

  it('evicts down to 90% of its budget at once, oldest first, keeping what was just inserted', () => {
    const oneToken = kvRunBytes(runFor([1]));
    const cache = new PrefixCache(LAYOUT, oneToken * 10);
    // One token each: the 11th goes over (down to 9), the 12th fits, the 13th goes over again.
    for (let t = 1; t <= 13; t++) insert(cache, [t]);
    expect(cache.stats.bytes).toBe(oneToken * 9);
    expect(cache.stats.evictedNodes).toBe(4);
    expect(cache.match([1]).length + cache.match([4]).length).toBe(0);
    expect(cache.match([5]).length).toBe(1);
    expect(cache.match([13]).length).toBe(1);
  });

  it('stays within its budget over many insertions', () => {
    const budget = kvRunBytes(runFor([1])) * 200;
    const cache = new PrefixCache(LAYOUT, budget);
    for (let i = 0; i < 1000; i++) insert(cache, [1, 2, 3, 100 + (i % 37), 200 + i, 300 + (i % 5)]);
    expect(cache.stats.bytes).toBeLessThanOrEqual(budget);
    expect(cache.stats.nodes).toBeLessThan(200);
    // What was used last is what is still there.
    expect(cache.match([1, 2, 3, 100 + (999 % 37), 200 + 999, 300 + (999 % 5)]).length).toBe(6);
  });
});

describe('keys/values runs', () => {
  it('split and join back to the same run', () => {
    const run = runFor([4, 5, 6, 7]);
    const joined = concatRuns(LAYOUT, headOf(run, LAYOUT, 1), tailOf(run, LAYOUT, 1));
    expect(joined.keys.map((k) => Array.from(k))).toEqual(run.keys.map((k) => Array.from(k)));
    expect(joined.values.map((v) => Array.from(v))).toEqual(run.values.map((v) => Array.from(v)));
  });

  it('make a left-padded past whose rows hold their runs in order', () => {
    const { past, lengths, width } = buildPast(LAYOUT, [[runFor([1, 2]), runFor([3], 2)], [runFor([8])]]);
    expect(lengths).toEqual([3, 1]);
    expect(width).toBe(3);
    const keys = past['past_key_values.0.key'];
    expect(keys?.dims).toEqual([2, LAYOUT.heads, 3, LAYOUT.headDim]);
    const data = keys?.data as Float32Array;
    const at = (b: number, t: number) => data[((b * LAYOUT.heads + 0) * 3 + t) * LAYOUT.headDim] ?? NaN;
    expect([at(0, 0), at(0, 1), at(0, 2)].map(Math.floor)).toEqual([1, 2, 3]);
    expect([at(1, 0), at(1, 1), at(1, 2)].map(Math.floor)).toEqual([0, 0, 8]);
  });
});
