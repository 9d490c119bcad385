import { describe, expect, it } from 'vitest';
import { readyStore } from '../../state/files-slice.fixtures';
import { ACTIONS, actionById, actionsForKey, actionTitle, keyLabel } from './actions';

// FAKE models (state/files-slice.fixtures: scripted policy, solver-backed value): these tests are
// about the registry, not the models.
describe('the action registry', () => {
  it('registers each action once, each key to one action except Space (Run or Pause)', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = ACTIONS.flatMap((a) => a.keys);
    const shared = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
    expect(shared).toEqual([' ']);
    expect(actionsForKey(' ').map((a) => a.id)).toEqual(['run', 'pause']);
    expect(actionsForKey('z').map((a) => a.id)).toEqual(['backtrack']);
  });

  it('writes the keys into the tooltips of actions that can act, and the reason into the others', async () => {
    const { store } = await readyStore();
    const s = store.getState();
    expect(actionTitle(actionById('step'), s)).toBe('Step: one whole simulation [S]');
    expect(actionTitle(actionById('stepPhase'), s)).toMatch(/next: select .* \[F or \.\]$/);
    expect(actionTitle(actionById('prune'), s)).toBe('Select a node in the tree first');
    expect(actionTitle(actionById('backtrack'), s)).toBe('Nothing to undo yet');
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('arrowleft')).toBe('←');
  });

  it('lets Space run when the search is idle and pause it while it runs', async () => {
    const { store } = await readyStore();
    const ready = (s = store.getState()) => actionsForKey(' ').find((a) => a.reason(s) === null)?.id;
    expect(ready()).toBe('run');
    store.setState({ running: true });
    expect(ready()).toBe('pause');
  });

  it('performs through the store: Step, then Backtrack undoes its last phase, and the arrows move the timeline', async () => {
    const { store } = await readyStore();
    const perform = (id: Parameters<typeof actionById>[0]) => actionById(id).perform(store.getState());
    perform('step');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().search?.shown.simulations).toBe(1);
    expect(actionById('backtrack').hint(store.getState())).toMatch(/the backpropagate phase/);
    perform('timelineBack');
    expect(store.getState().search?.cursor).toBe(3);
    perform('timelineForward');
    expect(store.getState().search?.cursor).toBeNull();
    perform('backtrack');
    expect(store.getState().search?.timelineLength).toBe(4);
    expect(store.getState().search?.shown.nextPhase).toBe('backpropagate');
  });

  it('gives the arrow keys to the lesson in the presenter view', async () => {
    const { store } = await readyStore();
    await store.getState().step();
    expect(actionById('timelineBack').yieldsKeys?.(store.getState())).toBe(false);
    store.setState({ presenter: true, lessonOpen: true });
    expect(actionById('timelineBack').yieldsKeys?.(store.getState())).toBe(true);
  });
});
