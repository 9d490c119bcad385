import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionById } from '../ui/controls/actions';
import { runnerOf, stepped } from './files-slice.fixtures';
import { selectDisplayedTree } from './selectors';

describe('an imported x1 tree', () => {
  const x1Text = readFileSync(new URL('../../e2e/fixtures/x1/mcts_tree_final.json', import.meta.url), 'utf8');

  it('is shown instead of the search, cannot be searched or seeked, and closes back to the search', async () => {
    const store = await stepped(2);
    const runner = runnerOf(store);
    const searchTree = JSON.stringify(runner.session.tree);

    await store.getState().importText(x1Text, 'mcts_tree_final.json');
    const s = store.getState();
    expect(s.appError).toBeNull();
    expect(s.imported?.stats.nodes).toBe(16);
    expect(s.imported?.title).toMatch(/^Use the numbers 4, 9, 10 and 13/);
    expect(selectDisplayedTree(s)).toBe(s.imported?.tree);
    expect(actionById('run').reason(s)).toMatch(/imported x1 tree/);
    expect(actionById('step').reason(s)).toMatch(/imported x1 tree/);

    const search = store.getState().search;
    store.getState().seek(1);
    expect(store.getState().search?.cursor).toBeNull();
    // Nothing was published: the snapshot is the very same object.
    expect(store.getState().search).toBe(search);

    store.getState().closeImported();
    const closed = store.getState();
    expect(closed.imported).toBeNull();
    expect(runnerOf(store)).toBe(runner);
    expect(selectDisplayedTree(closed)?.nodes).toBe(runner.session.tree.nodes);
    expect(JSON.stringify(selectDisplayedTree(closed))).toBe(searchTree);
    expect(actionById('run').reason(closed)).toBeNull();
  });

  it('is cleared by reset', async () => {
    const store = await stepped(1);
    await store.getState().importText(x1Text, 'mcts_tree_final.json');
    expect(store.getState().imported).not.toBeNull();
    store.getState().reset();
    expect(store.getState().imported).toBeNull();
    expect(selectDisplayedTree(store.getState())?.nodes).toBe(runnerOf(store).session.tree.nodes);
  });
});
