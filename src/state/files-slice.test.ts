import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from './files/import-file';
import { serializeSession } from './files/session-file';
import { fakeProvider, OTHER_QUERY, QUERY, readyStore, runnerOf, stepped } from './files-slice.fixtures';
import type { PlaygroundStore } from './store';

/** The exported session of `store` as the text a person would save. */
const exportedText = (store: PlaygroundStore): string => {
  const file = store.getState().exportSession();
  if (!file) throw new Error('nothing to export');
  return serializeSession(file);
};

/** Everything a refused import must leave alone. */
const snapshot = (store: PlaygroundStore) => {
  const s = store.getState();
  const runner = runnerOf(store);
  return {
    runner,
    setup: s.setup,
    tree: JSON.stringify(runner.session.tree),
    events: runner.session.events.length,
    checkpoints: runner.checkpoints.length,
  };
};

const expectUnchanged = (store: PlaygroundStore, before: ReturnType<typeof snapshot>) => {
  const s = store.getState();
  expect(s.setup).toEqual(before.setup);
  expect(runnerOf(store).session.events.length).toBe(before.events);
  expect(runnerOf(store).checkpoints.length).toBe(before.checkpoints);
  expect(JSON.stringify(runnerOf(store).session.tree)).toBe(before.tree);
  // Identity, not equality: a refused file must not replace the search the page holds.
  expect(runnerOf(store) === before.runner).toBe(true);
};

/** Lets model loads started in the background settle (they resolve on microtasks). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Json = Record<string, unknown>;
/** The parts of a session file the refusal cases below damage, as parsed JSON. */
type EditableFile = Json & { setup: Json; tree: { nodes: Json[] }; checkpoints: { strategy: Json }[] };

/** A valid exported text, parsed, changed by `edit`, and written back. */
const edited = (text: string, edit: (file: EditableFile) => void): string => {
  const file = JSON.parse(text) as EditableFile;
  edit(file);
  return JSON.stringify(file);
};

describe('session export and import through the store', () => {
  it('imports its own export as the same search, which then goes on as if never saved', async () => {
    const store = await stepped(3);
    const runner = runnerOf(store);
    expect(runner.done).toBe(false);
    const tree = structuredClone(runner.session.tree);
    const events = runner.session.events.length;
    const checkpoints = runner.checkpoints.length;
    const text = exportedText(store);

    store.getState().reset();
    expect(Object.keys(runnerOf(store).session.tree.nodes)).toHaveLength(1);
    await store.getState().importText(text, 'x.json');

    const s = store.getState();
    expect(s.appError).toBeNull();
    expect(s.search?.note.text).toMatch(/Imported x\.json/);
    expect(runnerOf(store).session.tree).toEqual(tree);
    expect(runnerOf(store).session.events).toHaveLength(events);
    expect(runnerOf(store).checkpoints).toHaveLength(checkpoints);

    // Same seed and the same restored RNG state: the next simulation is the one never exported.
    await store.getState().step();
    const twin = await stepped(4);
    expect(runnerOf(store).session.tree).toEqual(runnerOf(twin).session.tree);
    expect(runnerOf(store).session.events).toEqual(runnerOf(twin).session.events);
  });

  it("takes the file's setup when it was made with another one, and tells the page", async () => {
    const source = await stepped(2);
    const text = exportedText(source);
    const { store, written } = await readyStore(OTHER_QUERY);
    expect(store.getState().setup.numbers).toBe('1,8,10,11');

    await store.getState().importText(text, 'other.json');

    const s = store.getState();
    expect(s.appError).toBeNull();
    expect(s.setup).toEqual(source.getState().setup);
    expect(written.at(-1)).toEqual(source.getState().setup);
    expect(runnerOf(store).session.tree).toEqual(runnerOf(source).session.tree);
    await store.getState().step();
    await source.getState().step();
    expect(runnerOf(store).session.tree).toEqual(runnerOf(source).session.tree);
  });

  describe('refuses a file and leaves the session as it was', () => {
    const cases: readonly { what: string; file: (valid: string) => string; reason: RegExp }[] = [
      { what: 'invalid JSON', file: () => '{"format": "rlm-playground/session",', reason: /not valid JSON/ },
      { what: 'an empty file', file: () => '  \n', reason: /the file is empty/ },
      {
        what: 'an unknown format',
        file: () => JSON.stringify({ format: 'someone-else/tree', nodes: [] }),
        reason: /"format" is "someone-else\/tree"/,
      },
      {
        what: 'a newer version',
        file: (valid) => edited(valid, (f) => void (f.version = 2)),
        reason: /newer version \(2\)/,
      },
      {
        what: 'a tree that does not match its events',
        file: (valid) =>
          edited(valid, (f) => {
            const node = f.tree.nodes[1];
            if (node) node.visits = Number(node.visits) + 5;
          }),
        reason: /"tree" does not match "events"/,
      },
      {
        what: 'a setup that does not validate',
        file: (valid) => edited(valid, (f) => void (f.setup.numbers = '1,2')),
        reason: /setup is not usable \(numbers: give 3 to 5 numbers/,
      },
      {
        what: "a strategy snapshot of another strategy than the setup's",
        file: (valid) =>
          edited(valid, (f) => f.checkpoints.forEach((c) => void (c.strategy.strategy = 'beam'))),
        reason: /"beam", but the setup's strategy is "mcts"/,
      },
      {
        what: "a setup whose strategy is not the snapshots'",
        file: (valid) => edited(valid, (f) => void (f.setup.strategy = 'bon')),
        reason: /"mcts", but the setup's strategy is "bon"/,
      },
    ];

    it.each(cases)('$what', async ({ file, reason }) => {
      const store = await stepped(2);
      const text = file(exportedText(store));
      const before = snapshot(store);

      await store.getState().importText(text, 'broken.json');

      const error = store.getState().appError;
      expect(error).toContain('broken.json');
      expect(error).toMatch(reason);
      expectUnchanged(store, before);
      store.getState().dismissError();
      expect(store.getState().appError).toBeNull();
    });

    it('a file grown on models that fail to load, keeping the search and its models', async () => {
      const { store, written } = await readyStore(
        QUERY,
        fakeProvider((value) => value === 'none'),
      );
      await store.getState().step();
      const text = edited(exportedText(store), (f) => void (f.setup.value = 'none'));
      const before = snapshot(store);

      await store.getState().importText(text, 'elsewhere.json');
      expect(store.getState().appError).toMatch(
        /elsewhere\.json refused: its models \(countdown-policy\) could not be loaded/,
      );
      await settle();

      expectUnchanged(store, before);
      // The page's URL never showed the refused file's setup.
      expect(written.some((setup) => setup.value === 'none')).toBe(false);
    });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const store = await stepped(1);
    const before = snapshot(store);
    let reads = 0;
    await store.getState().importFile({
      name: 'huge.json',
      size: MAX_IMPORT_BYTES + 1,
      text: async () => {
        reads++;
        throw new Error('a file over the limit must not be read');
      },
    });
    expect(reads).toBe(0);
    expect(store.getState().appError).toMatch(
      /huge\.json refused: the file is 50\.0 MB; the playground imports files up to 50\.0 MB/,
    );
    expectUnchanged(store, before);
  });

  it('reads a picked file within the limit once and imports it', async () => {
    const source = await stepped(2);
    const text = exportedText(source);
    const { store } = await readyStore();
    let reads = 0;
    await store
      .getState()
      .importFile({ name: 'saved.json', size: text.length, text: async () => (reads++, text) });
    expect(reads).toBe(1);
    expect(store.getState().appError).toBeNull();
    expect(runnerOf(store).session.tree).toEqual(runnerOf(source).session.tree);
  });
});
