import { searchRunnerOf } from './search-host';
import { describe, expect, it } from 'vitest';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { parseImportText } from './files/import-file';
import type { ModelProvider } from './model-provider';
import { ArchiveRecordWriter, sessionTextOf } from './persistence/archive-record';
import { startAutosave } from './persistence/autosave';
import { archiveIdOf, MemoryArchive } from './persistence/session-archive';
import { createPlaygroundStore, type PlaygroundStore } from './store';

// FAKE models (scripted policy, solver-backed value): these tests are about saving and reopening
// sessions, not the models. The real models run in the browser tests (e2e/persistence.spec.ts).
const problem = { numbers: [4, 5, 6, 10], target: 24 };
const QUERY = '?numbers=4,5,6,10&target=24&sims=40&k=4&seed=3&stop=budget';
const provider: ModelProvider = {
  load: async () => ({
    backend: 'wasm',
    reason: 'test',
    dtype: 'q8',
    models: { policy: new ScriptedCountdownPolicy(problem, 0.1, 0.3), value: new SolverValue(problem) },
  }),
  cancelAll: () => undefined,
};

async function readyStore(archive = new MemoryArchive()) {
  const store = createPlaygroundStore({ provider, query: QUERY, wait: async () => undefined, archive });
  await store.getState().loadModels();
  return { store, archive };
}

const runnerOf = (store: PlaygroundStore) => {
  const runner = searchRunnerOf(store);
  if (!runner) throw new Error('no search');
  return runner;
};

const treeText = (store: PlaygroundStore) => JSON.stringify(runnerOf(store).session.tree);

describe('saving sessions as they run', () => {
  it('saves only whole operators: a phase half applied is left out, and the record reopens', async () => {
    const { store } = await readyStore();
    for (let i = 0; i < 3; i++) await store.getState().step();
    const runner = runnerOf(store);
    const whole = runner.session.events.length;
    const writer = new ArchiveRecordWriter();
    const early = writer.text(store.getState().setup, runner);
    // An expansion that applied its events, with no checkpoint after it yet (a phase in flight).
    const [open] = Object.values(runner.session.tree.nodes).filter((n) => n.status === 'open');
    await runner.session.expand([{ nodeId: open?.id ?? 'n0', k: 3 }], 1, 40);
    expect(runner.session.events.length).toBeGreaterThan(whole);
    const record = writer.text(store.getState().setup, runner);
    if (!early || !record) throw new Error('nothing saved');
    expect(record.text).toBe(early.text);
    // What is saved reads back as a valid session whose log ends at the last whole operator.
    const parsed = parseImportText(sessionTextOf(record.text), 'saved');
    if (parsed.kind !== 'session') throw new Error('not a session');
    expect(parsed.file.events).toHaveLength(whole);
  });

  it('turns only what is new into JSON, and follows a backtrack', async () => {
    const { store } = await readyStore();
    const writer = new ArchiveRecordWriter();
    for (let i = 0; i < 3; i++) await store.getState().step();
    writer.text(store.getState().setup, runnerOf(store));
    store.getState().backtrack();
    store.getState().backtrack();
    await store.getState().step();
    const record = writer.text(store.getState().setup, runnerOf(store));
    const fresh = new ArchiveRecordWriter().text(store.getState().setup, runnerOf(store));
    expect(record?.text).toBe(fresh?.text);
  });

  it('writes the search to the archive within a moment, under one id per search', async () => {
    const { store, archive } = await readyStore();
    const autosave = startAutosave(store, archive);
    for (let i = 0; i < 4; i++) await store.getState().step();
    await autosave.flush();
    const [info] = await archive.list();
    expect(info?.id).toBe(archiveIdOf(runnerOf(store)));
    expect(info?.summary.simulations).toBe(4);
    expect(info?.name).toBe('4 5 6 10 → 24 · mcts · seed 3');
    await store.getState().step();
    await autosave.flush();
    expect(await archive.list()).toHaveLength(1);
    expect((await archive.list())[0]?.summary.simulations).toBe(5);
    autosave.stop();
  });
});

describe('reopening, renaming and deleting saved sessions', () => {
  it('reopens the newest session of the setup exactly where it was, and it goes on from there', async () => {
    const first = await readyStore();
    const autosave = startAutosave(first.store, first.archive);
    for (let i = 0; i < 6; i++) await first.store.getState().stepPhase();
    await autosave.flush();
    autosave.stop();
    const tree = treeText(first.store);
    const phase = runnerOf(first.store).phase;

    // A new page on the same archive (a reload).
    const second = await readyStore(first.archive);
    await second.store.getState().reopenLatest(false);
    expect(treeText(second.store)).toBe(tree);
    expect(runnerOf(second.store).phase).toBe(phase);
    expect(second.store.getState().search?.note.text).toMatch(/^Reopened ".*" where it was/);
    expect(archiveIdOf(runnerOf(second.store))).toBe(archiveIdOf(runnerOf(first.store)));

    // Both go on alike: the same seed, the same state.
    for (const s of [first.store, second.store]) for (let i = 0; i < 3; i++) await s.getState().step();
    expect(treeText(second.store)).toBe(treeText(first.store));
  });

  it('refuses a damaged record with a message, leaving the search on show as it was', async () => {
    const { store, archive } = await readyStore();
    await store.getState().step();
    const before = { runner: searchRunnerOf(store), tree: treeText(store) };
    const info = {
      id: 'bad',
      name: 'damaged',
      updatedAt: 1,
      query: '',
      summary: { strategy: 'mcts', simulations: 1, generatedTokens: 1, nodes: 1, solved: false },
    } as const;
    await archive.put(info, '{"format":"rlm-playground/archived-session","setup":');
    await store.getState().openSession('bad');
    expect(store.getState().appError).toMatch(/could not be reopened: the saved session is not valid JSON/);
    expect(searchRunnerOf(store)).toBe(before.runner);
    expect(treeText(store)).toBe(before.tree);
    await store.getState().openSession('missing');
    expect(store.getState().appError).toMatch(/gone/);
  });

  it('renames (trimmed, not empty) and deletes; deleting the session on show starts a fresh search', async () => {
    const { store, archive } = await readyStore();
    const autosave = startAutosave(store, archive);
    await store.getState().step();
    await autosave.flush();
    const id = archiveIdOf(runnerOf(store));
    await store.getState().renameSession(id, '  my search  ');
    await store.getState().renameSession(id, '   ');
    expect((await archive.list())[0]?.name).toBe('my search');
    await store.getState().refreshSessions();
    expect(store.getState().sessions.map((s) => s.name)).toEqual(['my search']);
    const shown = searchRunnerOf(store);
    await store.getState().deleteSession(id);
    expect(await archive.list()).toEqual([]);
    expect(store.getState().sessions).toEqual([]);
    expect(searchRunnerOf(store)).not.toBe(shown);
    expect(runnerOf(store).checkpoints).toHaveLength(1);
    autosave.stop();
  });
});
