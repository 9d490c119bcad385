import { describe, expect, it } from 'vitest';
import { ROOT_ID } from '../core/tree';
import { fakeModels, FIRST, QUERY, readyStore, SECOND, stepped } from './files-slice.fixtures';
import { serializeSession } from './files/session-file';
import type { LoadedModels, ModelProvider } from './model-provider';
import { createPlaygroundStore } from './store';

// FAKE models (files-slice.fixtures: scripted policy, solver-backed value): these tests are about
// what the page says and allows in its first minute, not the models.

/** A provider whose loads wait until the test lets them through, counting what was asked for. */
function heldProvider() {
  const asked: string[] = [];
  const waiting: ((loaded: LoadedModels) => void)[] = [];
  const failing: ((e: Error) => void)[] = [];
  const provider: ModelProvider = {
    load: (_backend, choice) => {
      asked.push(choice.policy);
      return new Promise<LoadedModels>((resolve, reject) => {
        waiting.push(resolve);
        failing.push(reject);
      });
    },
    cancelAll: () => undefined,
  };
  const loaded: LoadedModels = {
    backend: 'wasm',
    reason: 'test',
    dtype: 'fp32',
    models: fakeModels([FIRST, SECOND]),
  };
  return {
    provider,
    asked,
    release: () => waiting.splice(0).forEach((resolve) => resolve(loaded)),
    fail: (why: string) => failing.splice(0).forEach((reject) => reject(new Error(why))),
  };
}

/** A store on the fixtures' setup whose models are being loaded (held until released). */
function loadingStore() {
  const held = heldProvider();
  const store = createPlaygroundStore({ provider: held.provider, query: QUERY, wait: async () => undefined });
  void store.getState().loadModels();
  return { held, store };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('switching to hub models', () => {
  it('asks before downloading, with the size, and clears the old tree at once', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    store.getState().setField('task', 'math');
    await settle();
    const s = store.getState();
    expect(s.search).toBeNull();
    expect(s.modelStatus).toBe('confirm');
    expect(s.pendingDownload).toEqual({
      ids: ['onnx-community/Qwen2.5-0.5B-Instruct'],
      size: 'about 512 MB (q8)',
    });
  });

  it('downloads only once confirmed, and a failure says "error", never "ready", with no search', async () => {
    const { held, store } = loadingStore();
    held.release();
    await settle();
    expect(store.getState().modelStatus).toBe('ready');
    store.getState().setField('task', 'math');
    await settle();
    expect(held.asked).toEqual(['countdown-policy']);
    store.getState().confirmDownload();
    await settle();
    expect(held.asked).toEqual(['countdown-policy', 'onnx-community/Qwen2.5-0.5B-Instruct']);
    expect(store.getState().modelStatus).toBe('loading');
    held.fail('could not reach huggingface.co');
    await settle();
    const s = store.getState();
    expect(s.modelStatus).toBe('error');
    expect(s.modelError).toMatch(/could not reach/);
    expect(s.search).toBeNull();
  });

  it('loads a model this browser already holds without asking', async () => {
    const held = heldProvider();
    const store = createPlaygroundStore({
      provider: held.provider,
      query: '?task=math&problem=m01&backend=wasm',
      isDownloaded: async (id) => id === 'onnx-community/Qwen2.5-0.5B-Instruct',
    });
    void store.getState().loadModels();
    await settle();
    expect(store.getState().modelStatus).toBe('loading');
    expect(held.asked).toEqual(['onnx-community/Qwen2.5-0.5B-Instruct']);
  });
});

describe('the timeline', () => {
  it('moves the phase note and the status with the cursor', async () => {
    const store = await stepped(2);
    const live = store.getState().search;
    expect(live?.note.phase).toBe('backpropagate');
    store.getState().seek(2);
    expect(store.getState().search?.note.phase).toBe('expand');
    expect(store.getState().search?.note.text).toMatch(/^Expand n0: the policy sampled 4 next steps/);
    store.getState().seek(0);
    expect(store.getState().search?.note.text).toMatch(/^The start/);
    store.getState().seek(99);
    expect(store.getState().search?.note.phase).toBe('backpropagate');
  });

  it('says in which simulation the first verified solution appeared, and not before it', async () => {
    const { store } = await readyStore('?numbers=4,5,6,10&target=24&sims=40&k=4&seed=3&stop=solved');
    await store.getState().run();
    const search = store.getState().search;
    const first = search?.shown.firstSolvedAt ?? null;
    expect(first).not.toBeNull();
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual((search?.shown.simulations ?? 0) + 1);
    store.getState().seek(0);
    expect(store.getState().search?.shown.firstSolvedAt).toBeNull();
  });
});

describe('the recorded search', () => {
  async function recording(): Promise<string> {
    const source = await stepped(3);
    const file = source.getState().exportSession();
    if (!file) throw new Error('nothing to record');
    return serializeSession(file);
  }

  it('is shown while the models load, steps through what was recorded, and gives way to the live search', async () => {
    const text = await recording();
    const { held, store } = loadingStore();
    expect(store.getState().showRecording(text)).toBe(true);
    let s = store.getState().search;
    expect(s?.recording).toBe(true);
    expect(s?.shown.index).toBe(0);
    expect(Object.keys(s?.shownTree.nodes ?? {})).toEqual([ROOT_ID]);

    expect(await store.getState().step()).toBe('backpropagate');
    s = store.getState().search;
    expect(s?.shown.simulations).toBe(1);
    expect(s?.note.phase).toBe('backpropagate');
    // Hand edits, backtracking, export and saving are the live search's.
    expect(s?.blocked.edit).toMatch(/recording/);
    store.getState().backtrack();
    expect(store.getState().search?.shown.index).toBe(s?.shown.index);
    expect(store.getState().exportSession()).toBeNull();

    await store.getState().run();
    expect(store.getState().search?.cursor).toBeNull();
    expect(store.getState().search?.shown.simulations).toBe(3);
    expect(store.getState().search?.blocked.advance).toMatch(/recording is over/);

    held.release();
    await settle();
    s = store.getState().search;
    expect(s?.recording).toBe(false);
    expect(Object.keys(s?.tree.nodes ?? {})).toEqual([ROOT_ID]);
  });

  it('is not shown for another setup, nor once the models are ready', async () => {
    const text = await recording();
    const other = createPlaygroundStore({
      provider: heldProvider().provider,
      query: '?numbers=1,8,10,11&target=24',
    });
    expect(other.getState().showRecording(text)).toBe(false);
    const { store } = await readyStore();
    expect(store.getState().showRecording(text)).toBe(false);
    expect(store.getState().search?.recording).toBe(false);
  });
});
