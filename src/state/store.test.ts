import { searchRunnerOf } from './search-host';
import { describe, expect, it } from 'vitest';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { treeInvariantViolations } from '../core/testing/invariants';
import { getNode, ROOT_ID } from '../core/tree';
import type { ModelProvider } from './model-provider';
import { selectDisplayedTree, selectGeneratedTokens, selectSimulations, selectSolved } from './selectors';
import { createPlaygroundStore } from './store';

// FAKE models (scripted policy, solver-backed value): these tests are about the store's actions
// and the timeline, not the models. The real models run in the browser tests (e2e/).
const problem = { numbers: [4, 5, 6, 10], target: 24 };
const fakeProvider = (failWith?: string): ModelProvider => ({
  load: async () => {
    if (failWith) throw new Error(failWith);
    return {
      backend: 'wasm',
      reason: 'test',
      dtype: 'q8',
      models: { policy: new ScriptedCountdownPolicy(problem, 0.1, 0.3), value: new SolverValue(problem) },
    };
  },
  cancelAll: () => undefined,
});

async function readyStore(query = '?numbers=4,5,6,10&target=24&sims=40&k=4&seed=3') {
  const written: string[] = [];
  const store = createPlaygroundStore({
    provider: fakeProvider(),
    query,
    wait: async () => undefined,
    onSetupChange: (s) => written.push(s.numbers),
  });
  await store.getState().loadModels();
  return { store, written };
}

describe('the playground store', () => {
  it('loads the models and then holds a search ready to run', async () => {
    const { store } = await readyStore();
    const s = store.getState();
    expect(s.modelStatus).toBe('ready');
    expect(s.backend).toBe('wasm');
    expect(s.search?.shown.nextPhase).toBe('select');
  });

  it('steps MCTS one phase at a time in the order select, expand, evaluate, backpropagate', async () => {
    const { store } = await readyStore();
    const phases: string[] = [];
    for (let i = 0; i < 8; i++) {
      const ran = await store.getState().stepPhase();
      expect(store.getState().search?.note.phase).toBe(ran);
      phases.push(ran ?? 'none');
    }
    expect(phases).toEqual([
      'select',
      'expand',
      'evaluate',
      'backpropagate',
      'select',
      'expand',
      'evaluate',
      'backpropagate',
    ]);
    expect(selectSimulations(store.getState())).toBe(2);
    expect(store.getState().search?.note.text).toMatch(/Backpropagate/);
  });

  it('runs to a verified solution with whole statistics', async () => {
    const { store } = await readyStore();
    await store.getState().run();
    const s = store.getState();
    expect(s.running).toBe(false);
    expect(s.search?.done).toBe(true);
    expect(selectSolved(s)).toBe(true);
    const tree = selectDisplayedTree(s);
    expect(tree && treeInvariantViolations(tree)).toEqual([]);
  });

  it('prunes the selected subtree, then backtracks to the tree as it was', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    await store.getState().step();
    const tree = () => selectDisplayedTree(store.getState());
    const before = JSON.stringify(tree());
    const child = getNode(tree()!, ROOT_ID).childIds[0]!;
    store.getState().select(child);
    store.getState().prune();
    expect(getNode(tree()!, child).pruned).toBe(true);
    expect(getNode(tree()!, ROOT_ID).visits).toBeLessThan(JSON.parse(before).nodes[ROOT_ID].visits);
    store.getState().backtrack();
    expect(JSON.stringify(tree())).toBe(before);
  });

  it('refuses to prune halfway through a simulation, with a message', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    await store.getState().stepPhase();
    store.getState().prune(getNode(selectDisplayedTree(store.getState())!, ROOT_ID).childIds[0]);
    expect(store.getState().searchError).toMatch(/finish the current iteration/);
  });

  it('shows an earlier point of the timeline, and searching from there forks the same history again', async () => {
    const { store } = await readyStore();
    for (let i = 0; i < 4; i++) await store.getState().step();
    const finalTree = JSON.stringify(selectDisplayedTree(store.getState()));
    const length = store.getState().search!.timelineLength;
    store.getState().seek(4);
    const past = selectDisplayedTree(store.getState())!;
    expect(store.getState().search?.cursor).toBe(4);
    expect(Object.keys(past.nodes).length).toBeLessThan(Object.keys(JSON.parse(finalTree).nodes).length);
    await store.getState().step();
    expect(store.getState().search?.cursor).toBeNull();
    expect(store.getState().search!.timelineLength).toBeLessThan(length);
    for (let i = 0; i < 3; i++) await store.getState().step();
    expect(JSON.stringify(selectDisplayedTree(store.getState()))).toBe(finalTree);
  });

  it('refuses an edit at a past point halfway through a simulation, and keeps the history', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    await store.getState().step();
    const length = store.getState().search!.timelineLength;
    store.getState().seek(length - 3);
    store.getState().prune(getNode(selectDisplayedTree(store.getState())!, ROOT_ID).childIds[0]);
    expect(store.getState().searchError).toMatch(/finish the current iteration/);
    expect(store.getState().search!.timelineLength).toBe(length);
    expect(store.getState().search?.cursor).toBe(length - 3);
  });

  it('counts simulations and tokens at the point shown on the timeline', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    const tokensAfterOne = selectGeneratedTokens(store.getState());
    await store.getState().step();
    expect(selectSimulations(store.getState())).toBe(2);
    store.getState().seek(4);
    expect(selectSimulations(store.getState())).toBe(1);
    expect(selectGeneratedTokens(store.getState())).toBe(tokensAfterOne);
  });

  it('expands a chosen node by hand and backs its children up to the root', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    const tree = selectDisplayedTree(store.getState())!;
    const open = getNode(tree, ROOT_ID)
      .childIds.map((id) => getNode(tree, id))
      .find((n) => n.status === 'open')!;
    const rootVisits = getNode(tree, ROOT_ID).visits;
    await store.getState().expandHere(open.id);
    const after = selectDisplayedTree(store.getState())!;
    expect(getNode(after, open.id).status).toBe('expanded');
    expect(getNode(after, ROOT_ID).visits).toBeGreaterThan(rootVisits);
    expect(treeInvariantViolations(after)).toEqual([]);
  });

  it('starts no search from an invalid or unsolvable setup, and says why', async () => {
    const { store, written } = await readyStore();
    store.getState().setField('numbers', '1,1,1,1');
    expect(store.getState().search).toBeNull();
    expect(store.getState().setupErrors.target).toMatch(/unsolvable/);
    await store.getState().run();
    expect(store.getState().running).toBe(false);
    store.getState().setField('numbers', '4,5,6,10');
    expect(store.getState().search).not.toBeNull();
    expect(written).toEqual(['1,1,1,1', '4,5,6,10']);
  });

  it('reports a model that fails to load, and keeps no runner', async () => {
    const store = createPlaygroundStore({ provider: fakeProvider('no adapter'), query: '' });
    await store.getState().loadModels();
    expect(store.getState().modelStatus).toBe('error');
    expect(store.getState().modelError).toBe('no adapter');
    expect(store.getState().search).toBeNull();
  });

  it('draws a random puzzle that the solver can solve', async () => {
    const { store } = await readyStore();
    store.getState().randomPuzzle();
    expect(store.getState().setupErrors).toEqual({});
    expect(store.getState().setup.numbers).not.toBe('4,5,6,10');
  });

  it('refuses a catalogue model too big for the device before downloading, and clears the search', async () => {
    let loads = 0;
    const provider: ModelProvider = {
      ...fakeProvider(),
      load: async (...args) => (loads++, fakeProvider().load(...args)),
    };
    const store = createPlaygroundStore({ provider, query: '?backend=wasm', deviceMemoryGb: () => 2 });
    await store.getState().loadModels();
    expect(loads).toBe(1);
    const runner = searchRunnerOf(store);
    store.getState().setField('task', 'math');
    await store.getState().loadModels();
    const before = loads;
    store.getState().setField('policy', 'onnx-community/Qwen2.5-Math-1.5B-Instruct');
    await Promise.resolve();
    expect(store.getState().modelError).toMatch(/too big for this device/);
    expect(loads).toBe(before);
    // Never "ready" beside the error, and no tree of the models before under the new setup.
    expect(store.getState().modelStatus).toBe('error');
    expect(runner).not.toBeNull();
    expect(store.getState().search).toBeNull();
  });
});
