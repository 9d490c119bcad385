import type { StateCreator } from 'zustand';
import { Rng } from '../core/rng';
import { CountdownSolver } from '../core/tasks/countdown-solver';
import { setupFromQuery, validateSetup, type Setup } from './setup';
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

export function createSetupSlice(deps: StoreDeps): StateCreator<PlaygroundState, [], [], SetupSlice> {
  const opened = setupFromQuery(deps.query);
  // Random puzzles come from a seeded generator too: the same clicks give the same puzzles.
  let draws = 0;
  return (set, get) => {
    const change = (setup: Setup) => {
      set({ setup, setupErrors: validateSetup(setup).errors });
      deps.onSetupChange?.(setup);
      get().reset();
    };
    return {
      setup: opened.setup,
      setupErrors: validateSetup(opened.setup).errors,
      urlErrors: opened.urlErrors,
      setField: (field, value) => {
        const setup = { ...get().setup, [field]: value };
        change(setup);
        if (field === 'backend') void get().loadModels();
      },
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
