import type { StateCreator } from 'zustand';
import { Rng } from '../core/rng';
import { CountdownSolver } from '../core/tasks/countdown-solver';
import {
  DEFAULT_SETUP,
  setupFromQuery,
  TASK_MODELS,
  TASK_SEARCH,
  type Setup,
  type SetupField,
} from './setup';
import { validateSetup } from './setup-validate';
import type { PlaygroundState, SetupSlice, StoreDeps } from './store-types';

const solver = new CountdownSolver();

/** A solvable puzzle of 4 numbers from 1..13, drawn from a seeded generator. */
export function drawSolvablePuzzle(rng: Rng, target24: boolean): { numbers: number[]; target: number } {
  for (;;) {
    const numbers = Array.from({ length: 4 }, () => 1 + rng.nextInt(13));
    const target = target24 ? 24 : 1 + rng.nextInt(100);
    if (solver.isSolvable({ numbers, target })) return { numbers, target };
  }
}

const SETUP_FIELDS = Object.keys(DEFAULT_SETUP) as SetupField[];

const MODEL_FIELDS: ReadonlySet<SetupField> = new Set([
  'task',
  'policy',
  'value',
  'hub',
  'backend',
  'cache',
  'dtype',
  'engine',
  'engineBase',
  'engineModel',
]);

function modelsChanged(a: Setup, b: Setup): boolean {
  return (
    a.dtype !== b.dtype ||
    a.engine !== b.engine ||
    (b.engine === 'openai' && (a.engineBase !== b.engineBase || a.engineModel !== b.engineModel)) ||
    a.policy !== b.policy ||
    a.value !== b.value ||
    a.hub !== b.hub ||
    a.backend !== b.backend ||
    a.cache !== b.cache
  );
}

export function createSetupSlice(deps: StoreDeps): StateCreator<PlaygroundState, [], [], SetupSlice> {
  const opened = setupFromQuery(deps.query);
  // Random puzzles come from a seeded generator too: the same clicks give the same puzzles.
  let draws = 0;
  return (set, get) => {
    const change = (setup: Setup, models = false) => {
      // A field set anew no longer holds what the URL gave it: the URL's message about it goes.
      const before = get().setup;
      const urlErrors = Object.fromEntries(
        Object.entries(get().urlErrors).filter(([field]) => {
          const key = SETUP_FIELDS.find((f) => f === field);
          return key !== undefined && setup[key] === before[key];
        }),
      );
      set({ setup, setupErrors: validateSetup(setup).errors, urlErrors });
      deps.onSetupChange?.(setup);
      // The search goes at once, also when the models change: until the setup's own models are
      // loaded there is no search (Run is disabled), never the old task's tree under a new problem.
      get().reset();
      if (models) void get().loadModels();
    };
    return {
      setup: opened.setup,
      setupErrors: validateSetup(opened.setup).errors,
      urlErrors: opened.urlErrors,
      setField: (field, value) => {
        const before = get().setup;
        let setup: Setup = { ...before, [field]: value };
        // A new task brings its own default models, unless other models were chosen by hand.
        if (field === 'task' && value !== before.task) {
          const old = TASK_MODELS[before.task];
          const fresh = TASK_MODELS[setup.task];
          const oldSearch = TASK_SEARCH[before.task];
          const freshSearch = TASK_SEARCH[setup.task];
          setup = {
            ...setup,
            policy: before.policy === old.policy ? fresh.policy : before.policy,
            value: before.value === old.value ? fresh.value : before.value,
            sims: before.sims === oldSearch.sims ? freshSearch.sims : before.sims,
            k: before.k === oldSearch.k ? freshSearch.k : before.k,
            temperature:
              before.temperature === oldSearch.temperature ? freshSearch.temperature : before.temperature,
          };
        }
        change(setup, MODEL_FIELDS.has(field) && modelsChanged(before, setup));
      },
      applySetup: (patch) => {
        const before = get().setup;
        const setup: Setup = { ...before, ...patch };
        change(setup, modelsChanged(before, setup));
      },
      retryModels: () => void get().loadModels(),
      setProblem: (numbers, target) =>
        change({ ...get().setup, numbers: numbers.join(','), target: String(target) }),
      randomPuzzle: () => {
        const { setup } = get();
        const rng = new Rng(0x9e3779b9 ^ ++draws);
        const p = drawSolvablePuzzle(rng, setup.target.trim() === '24');
        get().setProblem(p.numbers, p.target);
      },
    };
  };
}
