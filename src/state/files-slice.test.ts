import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SessionModels } from '../core/session';
import { countdownTask, type CountdownProblem } from '../core/tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { selectAvailability } from '../ui/controls/availability';
import { MAX_IMPORT_BYTES } from './files/import-file';
import { serializeSession } from './files/session-file';
import type { ModelProvider } from './model-provider';
import { selectDisplayedTree } from './selectors';
import type { Setup } from './setup';
import { createPlaygroundStore, type PlaygroundStore } from './store';

// FAKE models (scripted policy, solver-backed value): these tests are about the store's export
// and import, not the models. The real models run in the browser tests (e2e/).
const FIRST: CountdownProblem = { numbers: [4, 5, 6, 10], target: 24 };
const SECOND: CountdownProblem = { numbers: [1, 8, 10, 11], target: 24 };
const QUERY = '?numbers=4,5,6,10&target=24&sims=40&k=4&seed=3&stop=budget';
const OTHER_QUERY = '?numbers=1,8,10,11&target=24&sims=12&k=3&seed=9&stop=budget';

/**
 * A scripted policy is built for one puzzle, and an import may bring another: each call goes to
 * the fakes of the puzzle its prompt names, so a search imported from another setup can go on.
 */
function fakeModels(problems: readonly CountdownProblem[]): SessionModels {
  const byPrompt = new Map(
    problems.map((p) => [
      countdownTask.prompt(p),
      { policy: new ScriptedCountdownPolicy(p, 0.1, 0.3), value: new SolverValue(p) },
    ]),
  );
  const pick = (prompt: string) => {
    const models = byPrompt.get(prompt);
    if (!models) throw new Error(`no fake models for the puzzle ${JSON.stringify(prompt)}`);
    return models;
  };
  return {
    policy: { sample: (input) => pick(input.prompt).policy.sample(input) },
    value: { score: (input) => pick(input.prompt).value.score(input) },
  };
}

/** Loads the fakes; `refuse` says which model choices fail to load (a download that fails). */
const fakeProvider = (refuse: (value: string) => boolean = () => false): ModelProvider => ({
  load: async (_backend, choice) => {
    const value = choice.value.kind === 'model' ? choice.value.id : choice.value.kind;
    if (refuse(value)) throw new Error(`no such model: ${value}`);
    return { backend: 'wasm', reason: 'test', dtype: 'q8', models: fakeModels([FIRST, SECOND]) };
  },
  cancelAll: () => undefined,
});

async function readyStore(query = QUERY, provider = fakeProvider()) {
  const written: Setup[] = [];
  const store = createPlaygroundStore({
    provider,
    query,
    wait: async () => undefined,
    onSetupChange: (s) => written.push(s),
  });
  await store.getState().loadModels();
  return { store, written };
}

async function stepped(times: number, query = QUERY): Promise<PlaygroundStore> {
  const { store } = await readyStore(query);
  for (let i = 0; i < times; i++) await store.getState().step();
  return store;
}

const runnerOf = (store: PlaygroundStore) => {
  const runner = store.getState().runner;
  if (!runner) throw new Error('the store holds no search');
  return runner;
};

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
  expect(s.runner === before.runner).toBe(true);
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
    expect(s.note.text).toMatch(/Imported x\.json/);
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
    const availability = selectAvailability(s);
    expect(availability.run).toMatch(/imported x1 tree/);
    expect(availability.step).toMatch(/imported x1 tree/);

    const version = store.getState().version;
    store.getState().seek(1);
    expect(store.getState().cursor).toBeNull();
    expect(store.getState().pastTree).toBeNull();
    expect(store.getState().version).toBe(version);

    store.getState().closeImported();
    const closed = store.getState();
    expect(closed.imported).toBeNull();
    expect(closed.runner).toBe(runner);
    expect(selectDisplayedTree(closed)).toBe(runner.session.tree);
    expect(JSON.stringify(selectDisplayedTree(closed))).toBe(searchTree);
    expect(selectAvailability(closed).run).toBeNull();
  });

  it('is cleared by reset', async () => {
    const store = await stepped(1);
    await store.getState().importText(x1Text, 'mcts_tree_final.json');
    expect(store.getState().imported).not.toBeNull();
    store.getState().reset();
    expect(store.getState().imported).toBeNull();
    expect(selectDisplayedTree(store.getState())).toBe(runnerOf(store).session.tree);
  });
});
