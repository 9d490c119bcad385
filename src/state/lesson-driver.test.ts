import { searchRunnerOf } from './search-host';
import { describe, expect, it } from 'vitest';
import type { SessionModels } from '../core/session';
import { CLASSIC_STRATEGIES } from '../core/strategies/strategy';
import { countdownTask, type CountdownProblem } from '../core/tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { getNode, ROOT_ID } from '../core/tree';
import { raceStrategies, scalingBatch, type StrategyOutcome } from './lesson-batches';
import {
  LESSON_SETUP,
  LessonStoppedError,
  rootExpanded,
  runToEnd,
  startLessonSearch,
  stepPhasesTo,
  stepPhasesUntil,
  whenSearchReady,
} from './lesson-driver';
import type { ModelProvider } from './model-provider';
import type { PuzzleOutcome } from './scaling-curve';
import { selectSimulations } from './selectors';
import { DEFAULT_SETUP, type Setup } from './setup';
import { createPlaygroundStore, type PlaygroundStore } from './store';

// FAKE models (scripted policy, solver-backed value): these tests are about how the lesson drives
// the store and its batches, not the models. The real models run in the browser tests (e2e/).
// A scripted policy is built for one puzzle: the lesson's, 1 8 10 11 -> 24.
const LESSON_PROBLEM: CountdownProblem = { numbers: [1, 8, 10, 11], target: 24 };
const OTHER_PROBLEM: CountdownProblem = { numbers: [4, 5, 6, 10], target: 24 };

/** The fakes of each puzzle, picked by the prompt of each call (the scaling batch has several). */
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

const fakeProvider = (failWith?: string): ModelProvider => ({
  load: async () => {
    if (failWith) throw new Error(failWith);
    return {
      backend: 'wasm',
      reason: 'test',
      dtype: 'q8',
      models: {
        policy: new ScriptedCountdownPolicy(LESSON_PROBLEM, 0.1, 0.3),
        value: new SolverValue(LESSON_PROBLEM),
      },
    };
  },
  cancelAll: () => undefined,
});

/** A playground opened on another puzzle and strategy, as a person may have left it. */
async function playground(provider = fakeProvider()): Promise<PlaygroundStore> {
  const store = createPlaygroundStore({
    provider,
    query: '?numbers=4,5,6,10&target=24&strategy=beam&seed=5',
    wait: async () => undefined,
  });
  await store.getState().loadModels();
  return store;
}

async function lessonStore(): Promise<PlaygroundStore> {
  const store = await playground();
  await startLessonSearch(store);
  return store;
}

const runnerOf = (store: PlaygroundStore) => {
  const runner = searchRunnerOf(store);
  if (!runner) throw new Error('the store holds no search');
  return runner;
};

describe('the lesson driving the playground', () => {
  it("opens the lesson's puzzle and settings on a fresh search, ready to act on", async () => {
    const store = await playground();
    await startLessonSearch(store);
    const s = store.getState();
    expect(s.setup).toMatchObject(LESSON_SETUP);
    expect(s.setupErrors).toEqual({});
    expect(s.modelStatus).toBe('ready');
    expect(s.busy).toBe(false);
    expect(runnerOf(store).phase).toBe('select');
    expect(runnerOf(store).session.events).toHaveLength(0);
    expect(rootExpanded(store)).toBe(false);
  });

  it('starts afresh when the lesson setup is already there', async () => {
    const store = await lessonStore();
    await store.getState().step();
    const before = runnerOf(store);
    await startLessonSearch(store);
    expect(runnerOf(store)).not.toBe(before);
    expect(runnerOf(store).session.events).toHaveLength(0);
  });

  it('waits for models still loading when the lesson opens', async () => {
    const store = createPlaygroundStore({ provider: fakeProvider(), query: '', wait: async () => undefined });
    const loading = store.getState().loadModels();
    await startLessonSearch(store);
    await loading;
    expect(store.getState().setup).toMatchObject(LESSON_SETUP);
    expect(runnerOf(store).phase).toBe('select');
  });

  it('steps phases until the root is expanded', async () => {
    const store = await lessonStore();
    await stepPhasesUntil(store, (ran) => ran === 'expand');
    expect(store.getState().search?.note.phase).toBe('expand');
    expect(runnerOf(store).phase).toBe('evaluate');
    expect(rootExpanded(store)).toBe(true);
    const root = getNode(runnerOf(store).session.tree, ROOT_ID);
    expect(root.status).toBe('expanded');
    expect(root.childIds.length).toBeGreaterThan(0);
  });

  it('stops after `limit` phases when the condition never holds', async () => {
    const store = await lessonStore();
    await stepPhasesUntil(store, () => false, 3);
    expect(runnerOf(store).checkpoints).toHaveLength(4);
    expect(runnerOf(store).phase).toBe('backpropagate');
  });

  it('steps to the moment before a phase, and stays when already there', async () => {
    const store = await lessonStore();
    await stepPhasesTo(store, 'select');
    expect(runnerOf(store).checkpoints).toHaveLength(1);

    await store.getState().stepPhase();
    await stepPhasesTo(store, 'select');
    expect(runnerOf(store).phase).toBe('select');
    expect(store.getState().search?.note.phase).toBe('backpropagate');
    expect(selectSimulations(store.getState())).toBe(1);
  });

  it('runs the search to its end', async () => {
    const store = await lessonStore();
    await runToEnd(store);
    expect(runnerOf(store).done).toBe(true);
    expect(store.getState().running).toBe(false);
    expect(runnerOf(store).strategy.result).toBeDefined();
  });
});

describe('the lesson when the models fail to load', () => {
  it('rejects a wait begun before the load fails', async () => {
    const store = createPlaygroundStore({ provider: fakeProvider('no adapter'), query: '' });
    const ready = whenSearchReady(store);
    await store.getState().loadModels();
    await expect(ready).rejects.toBeInstanceOf(LessonStoppedError);
    await expect(ready).rejects.toThrow(/models failed to load: no adapter/);
  });

  it('rejects at once after the load failed, and so does opening the lesson', async () => {
    const store = await playground(fakeProvider('no adapter'));
    await expect(whenSearchReady(store)).rejects.toBeInstanceOf(LessonStoppedError);
    await expect(startLessonSearch(store)).rejects.toBeInstanceOf(LessonStoppedError);
  });
});

describe("the lesson's batches", () => {
  const setup: Setup = { ...DEFAULT_SETUP, ...LESSON_SETUP };

  it('races every strategy on the same puzzle, one outcome each in order', async () => {
    const seen: StrategyOutcome[] = [];
    const outcomes = await raceStrategies(setup, fakeModels([LESSON_PROBLEM]), CLASSIC_STRATEGIES, (o) =>
      seen.push(o),
    );
    expect(outcomes.map((o) => o.strategy)).toEqual([...CLASSIC_STRATEGIES]);
    expect(seen).toEqual(outcomes);
    const cot = outcomes.find((o) => o.strategy === 'cot');
    expect(cot?.generatedTokens).toBeGreaterThan(0);
    for (const o of outcomes) {
      expect(o.nodes).toBeGreaterThan(1);
      if (o.solved) expect(o.answer).not.toBe('');
    }
  });

  it('stops a race when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      raceStrategies(setup, fakeModels([LESSON_PROBLEM]), ['mcts'], () => undefined, controller.signal),
    ).rejects.toThrow('stopped');
  });

  it('refuses a race on a setup that does not validate, naming the field', async () => {
    await expect(
      raceStrategies({ ...setup, numbers: '1,2' }, fakeModels([LESSON_PROBLEM]), ['cot'], () => undefined),
    ).rejects.toThrow(/^numbers: /);
  });

  it('runs MCTS on each puzzle of a batch within the budget', async () => {
    const budget = 8;
    const seen: PuzzleOutcome[] = [];
    const outcomes = await scalingBatch(
      setup,
      fakeModels([LESSON_PROBLEM, OTHER_PROBLEM]),
      [LESSON_PROBLEM, OTHER_PROBLEM],
      budget,
      (o) => seen.push(o),
    );
    expect(outcomes.map((o) => o.puzzle)).toEqual(['1 8 10 11 → 24', '4 5 6 10 → 24']);
    expect(seen).toEqual(outcomes);
    for (const o of outcomes) {
      expect(o.generatedTokens).toBeGreaterThan(0);
      if (o.firstSolvedAt !== null) {
        expect(Number.isInteger(o.firstSolvedAt)).toBe(true);
        expect(o.firstSolvedAt).toBeGreaterThanOrEqual(1);
        expect(o.firstSolvedAt).toBeLessThanOrEqual(budget);
      }
    }
  });
});
