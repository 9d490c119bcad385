import type { StateCreator } from 'zustand';
import { checkImportSize, parseImportText } from './files/import-file';
import { sessionFile, type SessionFile } from './files/session-file';
import { journeyFromLog } from './files/journey';
import { countdownQuestion, treeToX1 } from './files/x1-export';
import { SearchRunner } from './search-runner';
import type { SearchHost } from './search-host';
import { validateSetup } from './setup-validate';
import type { FilesSlice, PlaygroundState, StoreDeps } from './store-types';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Messages quote what they refuse; a file's name and any message stay a few lines long. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Export and import. An import is checked whole before anything changes: a refused file leaves
 * the session exactly as it was and says why in `appError`.
 */
export function createFilesSlice(
  deps: StoreDeps,
  host: SearchHost,
): StateCreator<PlaygroundState, [], [], FilesSlice> {
  return (set, get) => {
    const refuse = (fileName: string, why: string) =>
      set({ appError: `Import of ${clip(fileName, 120)} refused: ${clip(why, 600)}` });

    /** Our own session: its setup becomes the playground's, its log and checkpoints the search's. */
    const restoreSession = async (file: SessionFile, fileName: string) => {
      const { valid, errors } = validateSetup(file.setup);
      if (!valid) {
        const [field, why] = Object.entries(errors)[0] ?? ['setup', 'invalid'];
        return refuse(fileName, `its setup is not usable (${field}: ${why})`);
      }
      const before = get().setup;
      const key = JSON.stringify(valid.models);
      if (get().loadedModels?.key !== key) {
        // The file was grown on other models: load those first. The setup is set without the
        // setup slice's own load-and-reset, and put back the same way when the load fails: the
        // models held before are still loaded, so the search stays exactly as it was.
        set({ setup: file.setup, setupErrors: errors });
        await get().loadModels();
        if (get().loadedModels?.key !== key) {
          const pending = get().pendingDownload;
          // The models held before are still loaded, and the setup names them again: ready.
          const backAgain = get().loadedModels?.key === JSON.stringify(validateSetup(before).valid?.models);
          set({
            setup: before,
            setupErrors: validateSetup(before).errors,
            pendingDownload: null,
            ...(backAgain ? { modelStatus: 'ready' as const, modelError: null } : {}),
          });
          return refuse(
            fileName,
            pending
              ? `its models (${pending.ids.join(', ')}) are not downloaded yet (${pending.size}): choose them in the Models panel, confirm the download, then import again`
              : `its models (${valid.models.policy}) could not be loaded`,
          );
        }
      }
      const models = get().sessionModels();
      if (!models) return refuse(fileName, 'no models are loaded');
      let runner: SearchRunner;
      try {
        runner = SearchRunner.restore(valid, models, file);
      } catch (e) {
        return refuse(fileName, message(e));
      }
      get().pause();
      deps.onSetupChange?.(file.setup);
      const note = {
        phase: 'start' as const,
        text: `Imported ${fileName}: ${file.summary.nodes} nodes, ${file.summary.simulations} simulations. Run, Step or the timeline go on from here.`,
        highlight: [],
      };
      set({
        setup: file.setup,
        setupErrors: {},
        search: host.adopt(runner, note),
        imported: null,
        appError: null,
        running: false,
        busy: false,
        searchError: null,
        selectedId: null,
        collapsed: new Set(),
      });
      get().fit();
    };

    /** The search back at the present (an x1 tree shown over it has no timeline of its own). */
    const searchAtPresent = () => {
      const { search } = get();
      const runner = host.runner;
      return runner && search && search.cursor !== null ? host.snapshot(runner, search.note) : search;
    };

    return {
      imported: null,
      appError: deps.openingError ?? null,
      dismissError: () => set({ appError: null }),

      exportSession: () => {
        const runner = host.runner;
        const { setup } = get();
        // A recording is the app's, not the user's session: nothing to export until the search.
        if (!runner || host.recording) return null;
        return sessionFile({
          setup,
          events: runner.session.events,
          tree: runner.session.tree,
          checkpoints: runner.checkpoints,
          exportedAt: new Date(),
        });
      },

      exportX1: () => {
        const runner = host.runner;
        const valid = validateSetup(get().setup).valid;
        if (!runner || host.recording || !valid) return null;
        const { config } = valid;
        const known =
          valid.task === 'countdown'
            ? {
                question: countdownQuestion(valid.problem.numbers, valid.problem.target),
                answer: String(valid.problem.target),
              }
            : {
                question: valid.problem.question,
                answer: valid.problem.answer === undefined ? null : String(valid.problem.answer),
              };
        return treeToX1(runner.session.tree, { ...known, simulations: config.simulations, k: config.k });
      },

      exportJourney: () => {
        const runner = host.runner;
        if (!runner || host.recording) return null;
        const { setup } = get();
        const title =
          setup.task === 'countdown'
            ? `${setup.numbers.replace(/,/g, ' ')} -> ${setup.target}`
            : setup.problem;
        return journeyFromLog(runner.session.events, runner.session.tree, `${title} · ${setup.strategy}`);
      },

      importText: async (text, fileName = 'the file') => {
        if (get().busy || get().running) get().pause();
        let parsed;
        try {
          parsed = parseImportText(text, fileName);
        } catch (e) {
          return refuse(fileName, message(e));
        }
        if (parsed.kind === 'session') return restoreSession(parsed.file, fileName);
        const imported =
          parsed.kind === 'x1'
            ? {
                source: 'x1' as const,
                tree: parsed.tree,
                x1Ids: parsed.x1Ids,
                stats: parsed.stats,
                title: parsed.title,
              }
            : {
                source: 'journey' as const,
                tree: parsed.tree,
                x1Ids: {},
                stats: {
                  nodes: parsed.tree.nextId,
                  maxDepth: parsed.tree.nextId - 1,
                  rootVisits: 0,
                  terminals: parsed.terminals,
                },
                title: parsed.title,
              };
        set({
          imported,
          search: searchAtPresent(),
          appError: null,
          selectedId: null,
          collapsed: new Set(),
        });
        get().fit();
      },

      importFile: async (file) => {
        try {
          checkImportSize(file.size);
        } catch (e) {
          return refuse(file.name, message(e));
        }
        await get().importText(await file.text(), file.name);
      },

      closeImported: () => {
        set({ imported: null, selectedId: null });
        get().fit();
      },
    };
  };
}
