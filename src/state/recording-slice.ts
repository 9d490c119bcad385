import type { StateCreator } from 'zustand';
import type { SessionModels } from '../core/session';
import { InferenceError } from '../inference/errors';
import { parseImportText } from './files/import-file';
import type { PhaseNote } from './phase-notes';
import type { SearchHost } from './search-host';
import { SearchRunner } from './search-runner';
import { setupToQuery, type Setup } from './setup';
import { validateSetup } from './setup-validate';
import type { PlaygroundState, RecordingSlice } from './store-types';

/**
 * A recording replays what was recorded and never asks a model anything: these stand where the
 * models will be, and say so if anything ever does ask.
 */
const NO_MODELS: SessionModels = {
  policy: {
    sample: () => Promise.reject(new InferenceError('not-loaded', 'a recording has no models to search on')),
  },
};

export const RECORDING_NOTE: PhaseNote = {
  phase: 'start',
  text: 'A recorded search of this puzzle, made earlier by the same engine and models: press Run or Step to replay it, or click a node. The live search takes over as soon as the models are ready.',
  highlight: [],
};

/** Backend and cache do not change which tree a search grows: a recording serves any of them. */
const sameSearch = (a: Setup, b: Setup): boolean =>
  setupToQuery({ ...a, backend: 'auto', cache: 'on' }) ===
  setupToQuery({ ...b, backend: 'auto', cache: 'on' });

export function createRecordingSlice(
  host: SearchHost,
): StateCreator<PlaygroundState, [], [], RecordingSlice> {
  return (set, get) => ({
    showRecording: (text) => {
      // Only while there is nothing better to show: the models, or any search, win.
      if (get().search !== null || get().modelStatus === 'ready' || get().imported) return false;
      let file;
      try {
        const parsed = parseImportText(text, 'the recording');
        if (parsed.kind !== 'session') return false;
        file = parsed.file;
      } catch {
        // A damaged recording is not worth a message: the live search comes in a moment anyway.
        return false;
      }
      const { valid } = validateSetup(file.setup);
      if (!valid || !sameSearch(file.setup, get().setup)) return false;
      let runner: SearchRunner;
      try {
        runner = SearchRunner.restore(valid, NO_MODELS, file);
      } catch {
        return false;
      }
      set({ search: host.adopt(runner, RECORDING_NOTE, { recording: true, cursor: 0 }) });
      return true;
    },
  });
}
