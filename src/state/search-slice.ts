import { EngineError } from '../inference/openai/engine-error';
import type { StateCreator } from 'zustand';
import type { SearchEvent } from '../core/events';
import type { NodeId } from '../core/tree';
import type { Phase } from '../core/strategies/strategy';
import { CancelledError } from '../inference/errors';
import type { ModelHolder } from './models-slice';
import { describePhase, type PhaseNote } from './phase-notes';
import { SearchRunner } from './search-runner';
import type { SearchHost } from './search-host';
import { isPhaseOperator } from './search-snapshot';
import { validateSetup } from './setup-validate';
import type { PlaygroundState, SearchSlice, StoreDeps } from './store-types';

export const READY_NOTE: PhaseNote = {
  phase: 'start',
  text: 'Ready: press Run, Step or Step phase.',
  highlight: [],
};
/** The page's starting pause between phases: a search an eye can follow ("normal" in the controls). */
export const WATCHABLE_SPEED_MS = 250;
const defaultWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isRetryable = (e: unknown): boolean => e instanceof EngineError && e.retryable;

/**
 * The search as store actions. The engine's runner lives in `host`, out of the state; after every
 * operator the slice publishes a new read-only snapshot of it as `search`, which is all the views
 * read. Run yields to the page between phases.
 */
export function createSearchSlice(
  deps: StoreDeps,
  models: ModelHolder,
  host: SearchHost,
): StateCreator<PlaygroundState, [], [], SearchSlice> {
  const wait = deps.wait ?? defaultWait;
  // Each run loop holds the token it started with; reset and pause end it by moving the token.
  let runToken = 0;
  return (set, get) => {
    /** Publishes the runner as it stands now, at the present, after `events`. */
    const publish = (
      runner: SearchRunner,
      note: PhaseNote,
      events: readonly SearchEvent[] = [],
      patch: Partial<PlaygroundState> = {},
    ) => set({ ...patch, search: host.snapshot(runner, note, events) });

    const current = (runner: SearchRunner) => host.runner === runner;

    /** The runner to act on, after forking from the timeline position if one is being viewed. */
    const liveRunner = (): SearchRunner | null => {
      const runner = host.runner;
      const cursor = get().search?.cursor ?? null;
      if (runner && cursor !== null) {
        runner.rewindTo(cursor);
        host.rewound(runner);
        publish(runner, get().search?.note ?? READY_NOTE);
      }
      return runner;
    };

    /** Refuses an edit at a point halfway through an iteration, before anything forks. */
    const editableHere = (): boolean => {
      const why = get().search?.blocked.edit;
      if (why === undefined) return false;
      if (why === null) return true;
      set({
        searchError: host.recording ? why : 'finish the current iteration first (Step), then edit the tree',
        searchRetry: false,
      });
      return false;
    };

    const fail = (runner: SearchRunner, e: unknown) => {
      if (!current(runner)) return;
      if (e instanceof CancelledError) set({ busy: false, running: false });
      // A server engine's timeout or busy answer can pass: the banner offers Retry (the tree is kept).
      else set({ busy: false, running: false, searchError: message(e), searchRetry: isRetryable(e) });
    };

    /** A recording moves on to its next checkpoint, shown as the phase it recorded. */
    const replayPhase = (runner: SearchRunner): Phase | null => {
      const index = (get().search?.shown.index ?? 0) + 1;
      const operator = runner.checkpoints[index]?.operator;
      if (operator === undefined || !isPhaseOperator(operator)) return null;
      set({ search: host.showAt(runner, index) });
      return operator;
    };

    /** Whether `runner` can go on: a recording until its end, a search until it is done. */
    const canAdvance = (runner: SearchRunner): boolean =>
      host.recording ? get().search?.blocked.advance === null : !runner.done;

    /** One strategy phase; the phase it ran, or null when it failed or the search was replaced. */
    const onePhase = async (runner: SearchRunner): Promise<Phase | null> => {
      if (host.recording) return replayPhase(runner);
      set({ busy: true, searchError: null });
      try {
        const { ran, events } = await runner.stepPhase();
        if (!current(runner)) return null;
        publish(runner, describePhase(ran, events, runner.session.tree, runner.config), events, {
          busy: false,
        });
        return ran;
      } catch (e) {
        fail(runner, e);
        return null;
      }
    };

    /** The runner to advance: a recording as it stands, a search forked from the cursor shown. */
    const advancing = (): SearchRunner | null => {
      if (get().busy || get().running) return null;
      const runner = host.recording ? host.runner : liveRunner();
      return runner && canAdvance(runner) ? runner : null;
    };

    const guarded = async (action: (runner: SearchRunner) => Promise<Phase | null>) => {
      const runner = advancing();
      return runner ? action(runner) : null;
    };

    /**
     * A hand edit that asks the models (Expand here, a written step): at the node given or the
     * selected one, between whole iterations, on the search as shown; its result, or null.
     */
    const handEdit = async <T>(
      nodeId: NodeId | undefined,
      operator: 'expand-here' | 'write',
      edit: (runner: SearchRunner, id: NodeId) => Promise<{ events: SearchEvent[]; result: T }>,
    ): Promise<T | null> => {
      const id = nodeId ?? get().selectedId;
      if (!id || get().busy || get().running) return null;
      if (!editableHere()) return null;
      const runner = liveRunner();
      if (!runner) return null;
      set({ busy: true, searchError: null });
      try {
        const { events, result } = await edit(runner, id);
        if (!current(runner)) return null;
        publish(runner, describePhase(operator, events, runner.session.tree, runner.config), events, {
          busy: false,
        });
        return result;
      } catch (e) {
        if (e instanceof CancelledError) fail(runner, e);
        else set({ busy: false, searchError: message(e), searchRetry: false });
        return null;
      }
    };

    return {
      search: null,
      running: false,
      busy: false,
      searchError: null,
      searchRetry: false,
      speedMs: deps.speedMs ?? 0,

      run: async (options) => {
        const runner = advancing();
        if (!runner) return;
        const token = ++runToken;
        set({ running: true });
        while (token === runToken && canAdvance(runner) && current(runner)) {
          if ((await onePhase(runner)) === null) break;
          // Always yield, so that the page renders and stays responsive between phases.
          await wait(options?.speedMs ?? get().speedMs);
        }
        if (token === runToken && current(runner)) set({ running: false });
      },

      pause: () => {
        runToken++;
        set({ running: false });
      },

      step: () =>
        guarded(async (runner) => {
          for (;;) {
            const ran = await onePhase(runner);
            if (ran === null || !canAdvance(runner) || ran === 'backpropagate' || ran === 'aggregate')
              return ran;
          }
        }),

      stepPhase: () => guarded(onePhase),

      reset: () => {
        runToken++;
        deps.provider.cancelAll();
        const { valid } = validateSetup(get().setup);
        const loaded = models.current?.models;
        // Only on the models the setup names: while others load (or failed to), there is no search.
        const matches = valid !== undefined && get().loadedModels?.key === JSON.stringify(valid.models);
        const runner = valid && loaded && matches ? new SearchRunner(valid, loaded) : null;
        set({
          search: host.adopt(runner, READY_NOTE),
          running: false,
          busy: false,
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
          publish(runner, describePhase('prune', events, runner.session.tree, runner.config), events, {
            searchError: null,
          });
        } catch (e) {
          set({ searchError: message(e), searchRetry: false });
        }
      },

      expandHere: async (nodeId) => {
        await handEdit(nodeId, 'expand-here', async (runner, id) => ({
          events: await runner.expandHere(id),
          result: id,
        }));
      },

      writeStep: (text, nodeId) => handEdit(nodeId, 'write', (runner, id) => runner.writeStep(id, text)),

      backtrack: () => {
        const runner = host.runner;
        const search = get().search;
        if (!runner || !search || host.recording || get().busy || get().running) return;
        const index = search.shown.index - 1;
        if (index < 0) return;
        const undone = runner.checkpoints[index + 1]?.operator ?? 'start';
        runner.rewindTo(index);
        host.rewound(runner);
        publish(runner, backtrackNote(undone, index), [], { searchError: null });
      },

      seek: (index) => {
        const runner = host.runner;
        const { busy, running, imported, search } = get();
        if (!runner || !search || busy || running || imported) return;
        const last = runner.checkpoints.length - 1;
        const i = Math.max(0, Math.min(last, Math.round(index)));
        if ((i === last ? null : i) === search.cursor) return;
        // The note follows the cursor: it tells what the operator shown did, on the tree shown.
        set({ search: host.showAt(runner, i) });
      },

      setSpeed: (ms) => set({ speedMs: Math.max(0, ms) }),
    };
  };
}

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  'expand-here': 'the expansion by hand',
  prune: 'the prune',
  write: 'the step written by hand',
};

/** What Backtrack rewound, in words: the operator undone and where the search now stands. */
function backtrackNote(undone: string, index: number): PhaseNote {
  const what = OPERATOR_WORDS[undone] ?? `the ${undone} phase`;
  return {
    phase: 'start',
    text: `Backtrack: rewound ${what}; the search stands after step ${index} of its history, as it was before. Searching on forks a new history.`,
    highlight: [],
  };
}
