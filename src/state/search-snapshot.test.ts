import { describe, expect, it } from 'vitest';
import { ROOT_ID } from '../core/tree';
import { readyStore } from './files-slice.fixtures';
import { searchRunnerOf } from './search-host';

// FAKE models (files-slice.fixtures: scripted policy, solver-backed value): these tests are about
// what the store publishes, not the models.
describe('the published search', () => {
  it('is a new object after every operator, with the events that operator appended', async () => {
    const { store } = await readyStore();
    const seen = [store.getState().search];
    for (let i = 0; i < 4; i++) {
      const ran = await store.getState().stepPhase();
      const search = store.getState().search;
      expect(seen).not.toContain(search);
      expect(search?.tree).not.toBe(seen.at(-1)?.tree);
      expect(search?.note.phase).toBe(ran);
      expect(search?.events.length).toBeGreaterThan(0);
      seen.push(search);
    }
    const runner = searchRunnerOf(store);
    const last = store.getState().search;
    // The events of the last operator are the tail of the log.
    expect(runner?.session.events.slice(-(last?.events.length ?? 0))).toEqual(last?.events);
    expect(last?.timelineLength).toBe(5);
    expect(last?.shown).toMatchObject({
      index: 4,
      operator: 'backpropagate',
      nextPhase: 'select',
      simulations: 1,
    });
  });

  it('keeps the node map while the tree grows and brings a new one when it is rewound', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    const grown = store.getState().search;
    await store.getState().step();
    const later = store.getState().search;
    expect(later?.tree.nodes).toBe(grown?.tree.nodes);
    expect(later?.nodeCount).toBeGreaterThan(grown?.nodeCount ?? Infinity);
    store.getState().backtrack();
    const rewound = store.getState().search;
    expect(rewound?.tree.nodes).not.toBe(later?.tree.nodes);
    expect(rewound?.note.text).toMatch(/^Backtrack: rewound the backpropagate phase/);
    expect(rewound?.events).toEqual([]);
  });

  it('shows the past at the cursor without touching the live tree, and says what each action may do there', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    await store.getState().step();
    const live = store.getState().search;
    store.getState().seek(2);
    const past = store.getState().search;
    expect(past?.cursor).toBe(2);
    expect(past?.tree.nodes).toBe(live?.tree.nodes);
    expect(Object.keys(past?.shownTree.nodes ?? {}).length).toBeLessThan(live?.nodeCount ?? 0);
    expect(past?.shown).toMatchObject({
      index: 2,
      operator: 'expand',
      nextPhase: 'evaluate',
      simulations: 0,
    });
    // Halfway through a simulation: no hand edits, but the search can go on and go back.
    expect(past?.blocked).toEqual({
      advance: null,
      edit: expect.stringMatching(/finish the current iteration/i),
      backtrack: null,
    });
    store.getState().seek(0);
    expect(store.getState().search?.blocked.backtrack).toMatch(/nothing to undo/i);
    store.getState().seek(99);
    expect(store.getState().search?.cursor).toBeNull();
    expect(store.getState().search?.shownTree.nodes).toBe(live?.tree.nodes);
  });

  it('step() answers the phase it ran last: a whole simulation ends with backpropagate', async () => {
    const { store } = await readyStore();
    expect(await store.getState().step()).toBe('backpropagate');
    const root = store.getState().search?.tree.nodes[ROOT_ID];
    expect(root?.visits).toBeGreaterThan(0);
  });

  it('says when the search is done, and blocks advancing with a reason', async () => {
    const { store } = await readyStore('?numbers=4,5,6,10&target=24&sims=3&k=2&seed=1&stop=budget');
    await store.getState().run();
    const search = store.getState().search;
    expect(search?.done).toBe(true);
    expect(search?.shown.nextPhase).toBe('done');
    expect(search?.blocked.advance).toMatch(/done/);
    expect(await store.getState().step()).toBeNull();
  });
});
