import type { StateCreator } from 'zustand';
import { checkImportSize, parseImportText } from './files/import-file';
import { sessionFile, type SessionFile } from './files/session-file';
import { SearchRunner } from './search-runner';
import { validateSetup } from './setup-validate';
import type { FilesSlice, PlaygroundState, StoreDeps } from './store-types';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Messages quote what they refuse; a file's name and any message stay a few lines long. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Export and import. An import is checked whole before anything changes: a refused file leaves
 * the session exactly as it was and says why in `appError`.
 */
export function createFilesSlice(deps: StoreDeps): StateCreator<PlaygroundState, [], [], FilesSlice> {
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
          set({ setup: before, setupErrors: validateSetup(before).errors });
          return refuse(fileName, `its models (${valid.models.policy}) could not be loaded`);
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
      set((s) => ({
        setup: file.setup,
        setupErrors: {},
        runner,
        imported: null,
        appError: null,
        running: false,
        busy: false,
        cursor: null,
        pastTree: null,
        searchError: null,
        selectedId: null,
        collapsed: new Set(),
        note: {
          phase: 'start',
          text: `Imported ${fileName}: ${file.summary.nodes} nodes, ${file.summary.simulations} simulations. Run, Step or the timeline go on from here.`,
          highlight: [],
        },
        version: s.version + 1,
        fitSignal: s.fitSignal + 1,
      }));
    };

    return {
      imported: null,
      appError: deps.openingError ?? null,
      dismissError: () => set({ appError: null }),

      exportSession: () => {
        const { runner, setup } = get();
        if (!runner) return null;
        return sessionFile({
          setup,
          events: runner.session.events,
          tree: runner.session.tree,
          checkpoints: runner.checkpoints,
          exportedAt: new Date(),
        });
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
        set((s) => ({
          imported: { tree: parsed.tree, x1Ids: parsed.x1Ids, stats: parsed.stats, title: parsed.title },
          appError: null,
          cursor: null,
          pastTree: null,
          selectedId: null,
          collapsed: new Set(),
          version: s.version + 1,
          fitSignal: s.fitSignal + 1,
        }));
      },

      importFile: async (file) => {
        try {
          checkImportSize(file.size);
        } catch (e) {
          return refuse(file.name, message(e));
        }
        await get().importText(await file.text(), file.name);
      },

      closeImported: () =>
        set((s) => ({
          imported: null,
          selectedId: null,
          version: s.version + 1,
          fitSignal: s.fitSignal + 1,
        })),
    };
  };
}
