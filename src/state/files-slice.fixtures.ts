import { searchRunnerOf } from './search-host';
import type { SessionModels } from '../core/session';
import { countdownTask, type CountdownProblem } from '../core/tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import type { ModelProvider } from './model-provider';
import type { Setup } from './setup';
import { createPlaygroundStore, type PlaygroundStore } from './store';

// FAKE models (scripted policy, solver-backed value): these tests are about the store's export
// and import, not the models. The real models run in the browser tests (e2e/).
export const FIRST: CountdownProblem = { numbers: [4, 5, 6, 10], target: 24 };
export const SECOND: CountdownProblem = { numbers: [1, 8, 10, 11], target: 24 };
export const QUERY = '?numbers=4,5,6,10&target=24&sims=40&k=4&seed=3&stop=budget';
export const OTHER_QUERY = '?numbers=1,8,10,11&target=24&sims=12&k=3&seed=9&stop=budget';

/**
 * A scripted policy is built for one puzzle, and an import may bring another: each call goes to
 * the fakes of the puzzle its prompt names, so a search imported from another setup can go on.
 */
export function fakeModels(problems: readonly CountdownProblem[]): SessionModels {
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
export const fakeProvider = (refuse: (value: string) => boolean = () => false): ModelProvider => ({
  load: async (_backend, choice) => {
    const value = choice.value.kind === 'model' ? choice.value.id : choice.value.kind;
    if (refuse(value)) throw new Error(`no such model: ${value}`);
    return { backend: 'wasm', reason: 'test', dtype: 'q8', models: fakeModels([FIRST, SECOND]) };
  },
  cancelAll: () => undefined,
});

export async function readyStore(query = QUERY, provider = fakeProvider()) {
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

export async function stepped(times: number, query = QUERY): Promise<PlaygroundStore> {
  const { store } = await readyStore(query);
  for (let i = 0; i < times; i++) await store.getState().step();
  return store;
}

export const runnerOf = (store: PlaygroundStore) => {
  const runner = searchRunnerOf(store);
  if (!runner) throw new Error('the store holds no search');
  return runner;
};
