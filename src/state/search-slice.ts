import type { StateCreator } from 'zustand';
import { replay } from '../core/events';
import { CancelledError } from '../inference/errors';
import type { ModelHolder } from './models-slice';
import { describePhase, type PhaseNote } from './phase-notes';
import { SearchRunner } from './search-runner';
import { validateSetup } from './setup-validate';
import type { PlaygroundState, SearchSlice, StoreDeps } from './store-types';

const READY: PhaseNote = { phase: 'start', text: 'Ready: press Run, Step or Step phase.', highlight: [] };
const defaultWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The search as store actions. The engine mutates its tree in place; every action ends by bumping
 * `version`, which is what views subscribe to. Run yields to the page between phases.
 */
export function createSearchSlice(
  deps: StoreDeps,
  holder: ModelHolder,
): StateCreator<PlaygroundState, [], [], SearchSlice> {
  const wait = deps.wait ?? defaultWait;
  // Each run loop holds the token it started with; reset and pause end it by moving the token.
  let runToken = 0;
  return (set, get) => {
    const bump = (patch: Partial<PlaygroundState> = {}) => set((s) => ({ ...patch, version: s.version + 1 }));

    /** The runner to act on, after forking from the timeline position if one is being viewed. */
    const liveRunner = (): SearchRunner | null => {
      const { runner, cursor } = get();
      if (runner && cursor !== null) {
        runner.rewindTo(cursor);
        bump({ cursor: null, pastTree: null });
      }
      return runner;
    };

    /** Refuses an edit at a point halfway through an iteration, before anything forks. */
    const editableHere = (): boolean => {
      const { runner, cursor } = get();
      if (!runner) return false;
      if (runner.canEdit(cursor ?? undefined)) return true;
      set({ searchError: 'finish the current iteration first (Step), then edit the tree' });
      return false;
    };

    const fail = (runner: SearchRunner, e: unknown) => {
      if (get().runner !== runner) return;
      if (e instanceof CancelledError) set({ busy: false, running: false });
      else set({ busy: false, running: false, searchError: e instanceof Error ? e.message : String(e) });
    };

    const onePhase = async (runner: SearchRunner): Promise<boolean> => {
      set({ busy: true, searchError: null });
      try {
        const { ran, events } = await runner.stepPhase();
        if (get().runner !== runner) return false;
        bump({ busy: false, note: describePhase(ran, events, runner.session.tree, runner.config) });
        return true;
      } catch (e) {
        fail(runner, e);
        return false;
      }
    };

    const guarded = async (action: (runner: SearchRunner) => Promise<void>) => {
      if (get().busy || get().running) return;
      const runner = liveRunner();
      if (!runner || runner.done) return;
      await action(runner);
    };

    return {
      runner: null,
      version: 0,
      running: false,
      busy: false,
      note: READY,
      cursor: null,
      pastTree: null,
      searchError: null,
      speedMs: 0,

      run: async () => {
        if (get().busy || get().running) return;
        const runner = liveRunner();
        if (!runner || runner.done) return;
        const token = ++runToken;
        set({ running: true });
        while (token === runToken && !runner.done && get().runner === runner) {
          if (!(await onePhase(runner))) break;
          // Always yield, so that the page renders and stays responsive between phases.
          await wait(get().speedMs);
        }
        if (token === runToken && get().runner === runner) set({ running: false });
      },

      pause: () => {
        runToken++;
        set({ running: false });
      },

      step: () =>
        guarded(async (runner) => {
          for (;;) {
            if (!(await onePhase(runner))) return;
            const ran = get().note.phase;
            if (runner.done || ran === 'backpropagate' || ran === 'aggregate') return;
          }
        }),

      stepPhase: () => guarded(async (runner) => void (await onePhase(runner))),

      reset: () => {
        runToken++;
        deps.provider.cancelAll();
        const { valid } = validateSetup(get().setup);
        const models = holder.current?.models;
        // Only on the models the setup names: while others load (or failed to), there is no search.
        const matches = valid !== undefined && get().loadedModels?.key === JSON.stringify(valid.models);
        const runner = valid && models && matches ? new SearchRunner(valid, models) : null;
        bump({
          runner,
          running: false,
          busy: false,
          note: READY,
          cursor: null,
          pastTree: null,
          searchError: null,
          selectedId: null,
          collapsed: new Set(),
          imported: null,
        });
      },

      prune: (nodeId) => {
        const id = nodeId ?? get().selectedId;
        if (!id || get().busy || get().running) return;
        if (!editableHere()) return;
        const runner = liveRunner();
        if (!runner) return;
        try {
          const events = runner.prune(id);
          bump({
            note: describePhase('prune', events, runner.session.tree, runner.config),
            searchError: null,
          });
        } catch (e) {
          set({ searchError: e instanceof Error ? e.message : String(e) });
        }
      },

      expandHere: async (nodeId) => {
        const id = nodeId ?? get().selectedId;
        if (!id || get().busy || get().running) return;
        if (!editableHere()) return;
        const runner = liveRunner();
        if (!runner) return;
        set({ busy: true, searchError: null });
        try {
          const events = await runner.expandHere(id);
          if (get().runner !== runner) return;
          bump({
            busy: false,
            note: describePhase('expand-here', events, runner.session.tree, runner.config),
          });
        } catch (e) {
          if (e instanceof CancelledError) return fail(runner, e);
          set({ busy: false, searchError: e instanceof Error ? e.message : String(e) });
        }
      },

      backtrack: () => {
        const { runner, busy, running } = get();
        if (!runner || busy || running) return;
        const index = (get().cursor ?? runner.checkpoints.length - 1) - 1;
        if (index < 0) return;
        runner.rewindTo(index);
        const note: PhaseNote = {
          phase: 'start',
          text: `Backtrack: undid the last operator; the search stands after step ${index} of its history. Searching on forks a new history.`,
          highlight: [],
        };
        bump({ cursor: null, pastTree: null, note, searchError: null });
      },

      seek: (index) => {
        const { runner, busy, running, imported } = get();
        if (!runner || busy || running || imported) return;
        const last = runner.checkpoints.length - 1;
        const i = Math.max(0, Math.min(last, Math.round(index)));
        const checkpoint = runner.checkpoints[i];
        if (i === last || !checkpoint) return bump({ cursor: null, pastTree: null });
        bump({ cursor: i, pastTree: replay(runner.session.events, checkpoint.session.eventCount) });
      },

      setSpeed: (ms) => set({ speedMs: Math.max(0, ms) }),
    };
  };
}
