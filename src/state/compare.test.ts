import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../core/strategies/strategy';
import { columnQuery, compareQuery, parseCompare, playgroundQuery, shareProvider } from './compare';
import type { WorkerEvent } from '../inference/worker/model-client';
import type { LoadedModels, ModelProvider } from './model-provider';
import { setupFromQuery } from './setup';
import type { ModelChoice } from './setup-validate';

const QUERY = '?numbers=4,5,6,10&target=24&strategy=beam&sims=8&k=3&seed=7';
const CHOICE: ModelChoice = {
  policy: 'countdown-policy',
  value: { kind: 'none' },
  hub: 'https://huggingface.co',
  prefixCache: true,
};

describe('the compare parameter', () => {
  it('is null when the query has none', () => {
    expect(parseCompare('')).toBeNull();
    expect(parseCompare(QUERY)).toBeNull();
  });

  it('reads a pair of strategies, in the order given', () => {
    const none = [undefined, undefined];
    expect(parseCompare(`${QUERY}&compare=mcts,cot`)).toEqual({ pair: ['mcts', 'cot'], values: none });
    expect(parseCompare('?compare=beam,beam')).toEqual({ pair: ['beam', 'beam'], values: none });
  });

  it('reads a value model per column: the PRM against the ORM on the same puzzle', () => {
    expect(parseCompare(`${QUERY}&compare=mcts:prm,mcts:orm`)).toEqual({
      pair: ['mcts', 'mcts'],
      values: ['prm', 'orm'],
    });
    const column = setupFromQuery(columnQuery(`${QUERY}&compare=mcts:prm,mcts:orm`, 'mcts', 'orm')).setup;
    expect(column.value).toBe('countdown-orm');
    const parsed = parseCompare(`${QUERY}&compare=mcts:prm,mcts:best`);
    expect(parsed?.error).toContain('prm|orm|none');
    expect(parsed?.error).toContain('got "mcts:prm,mcts:best"');
  });

  it.each(['mcts,astar', 'mcts', 'mcts,cot,beam', ''])(
    'refuses compare=%s and names the strategies',
    (raw) => {
      const parsed = parseCompare(`${QUERY}&compare=${raw}`);
      expect(parsed?.pair).toBeUndefined();
      expect(parsed?.error).toContain(STRATEGY_NAMES.join(', '));
      expect(parsed?.error).toContain(`got "${raw}"`);
    },
  );
});

describe('the compare addresses', () => {
  it("opens a column on the shared setup with that column's strategy", () => {
    const shared = setupFromQuery(QUERY).setup;
    const column = setupFromQuery(columnQuery(`${QUERY}&compare=mcts,cot`, 'cot'));
    expect(column.urlErrors).toEqual({});
    expect(column.setup).toEqual({ ...shared, strategy: 'cot' });
    expect(column.setup).toMatchObject({ numbers: '4,5,6,10', target: '24', seed: '7' });
  });

  it('goes from a setup to the compare view and back to the playground with the same setup', () => {
    const setup = setupFromQuery(QUERY).setup;
    const compare = compareQuery(setup, ['mcts', 'bon']);
    expect(parseCompare(compare)).toEqual({ pair: ['mcts', 'bon'], values: [undefined, undefined] });
    const values = compareQuery(setup, ['mcts', 'mcts'], ['prm', 'orm']);
    expect(parseCompare(values)).toMatchObject({ values: ['prm', 'orm'] });
    expect(setupFromQuery(compare).setup).toEqual(setup);

    const back = playgroundQuery(compare);
    expect(parseCompare(back)).toBeNull();
    expect(setupFromQuery(back).setup).toEqual(setup);
  });
});

/** A provider whose loads are counted and answer with a fresh object each, or fail while `failing`. */
function countingProvider() {
  const calls = { load: 0, cancelAll: 0 };
  let failing = false;
  const provider: ModelProvider = {
    load: async () => {
      calls.load++;
      if (failing) throw new Error('network down');
      // No search runs here: only the identity of what a load resolves to matters.
      const loaded: LoadedModels = {
        backend: 'wasm',
        reason: 'test',
        dtype: 'q8',
        models: { policy: { sample: async () => [] } },
      };
      return loaded;
    },
    cancelAll: () => void calls.cancelAll++,
  };
  return { provider, calls, fail: (on: boolean) => void (failing = on) };
}

describe('the provider the two columns share', () => {
  it('loads the same models once for both columns', async () => {
    const { provider, calls } = countingProvider();
    const { forColumn } = shareProvider(provider);
    const [left, right] = await Promise.all([
      forColumn.load('auto', CHOICE, () => undefined),
      forColumn.load('auto', { ...CHOICE }, () => undefined),
    ]);
    expect(calls.load).toBe(1);
    expect(left).toBe(right);
    expect(await forColumn.load('auto', CHOICE, () => undefined)).toBe(left);
    expect(calls.load).toBe(1);
  });

  it('loads again for other models or another backend', async () => {
    const { provider, calls } = countingProvider();
    const { forColumn } = shareProvider(provider);
    const first = await forColumn.load('auto', CHOICE, () => undefined);
    expect(await forColumn.load('wasm', CHOICE, () => undefined)).not.toBe(first);
    expect(await forColumn.load('auto', { ...CHOICE, value: { kind: 'rollout' } }, () => undefined)).not.toBe(
      first,
    );
    expect(calls.load).toBe(3);
  });

  it('does not keep a failed load: the next one tries again', async () => {
    const { provider, calls, fail } = countingProvider();
    const { forColumn } = shareProvider(provider);
    fail(true);
    await expect(forColumn.load('auto', CHOICE, () => undefined)).rejects.toThrow('network down');
    fail(false);
    const loaded = await forColumn.load('auto', CHOICE, () => undefined);
    expect(calls.load).toBe(2);
    expect(await forColumn.load('auto', CHOICE, () => undefined)).toBe(loaded);
    expect(calls.load).toBe(2);
  });

  it("leaves cancelling to the view: a column's cancelAll cancels nothing", () => {
    const { provider, calls } = countingProvider();
    const shared = shareProvider(provider);
    shared.forColumn.cancelAll();
    expect(calls.cancelAll).toBe(0);
    shared.cancelAll();
    expect(calls.cancelAll).toBe(1);
  });

  it('tells each column when the one worker under both is lost and replaced', () => {
    const listeners: ((e: WorkerEvent) => void)[] = [];
    const { provider } = countingProvider();
    const { forColumn } = shareProvider({ ...provider, onWorkerEvent: (l) => void listeners.push(l) });
    const seen: string[] = [];
    forColumn.onWorkerEvent?.((e) => seen.push(`left ${e.kind}`));
    forColumn.onWorkerEvent?.((e) => seen.push(`right ${e.kind}`));
    listeners.forEach((l) => l({ kind: 'lost', reason: 'it crashed' }));
    expect(seen).toEqual(['left lost', 'right lost']);
  });
});
