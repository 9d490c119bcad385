import { createStore, type StoreApi } from 'zustand/vanilla';
import { createFilesSlice } from './files-slice';
import { createLessonSlice } from './lesson-slice';
import { createRecordingSlice } from './recording-slice';
import { createModelsSlice, type ModelHolder } from './models-slice';
import { bindSearchHost, SearchHost } from './search-host';
import { createSearchSlice } from './search-slice';
import { createSessionsSlice } from './sessions-slice';
import { createSetupSlice } from './setup-slice';
import type { PlaygroundState, StoreDeps } from './store-types';
import { createViewSlice } from './view-slice';

export type PlaygroundStore = StoreApi<PlaygroundState>;

/** The one store of the playground, from its slices; models come from `deps.provider`. */
export function createPlaygroundStore(deps: StoreDeps): PlaygroundStore {
  const holder: ModelHolder = { current: null };
  const host = new SearchHost();
  const store = createStore<PlaygroundState>()((...a) => ({
    ...createSetupSlice(deps)(...a),
    ...createModelsSlice(deps, holder)(...a),
    ...createSearchSlice(deps, holder, host)(...a),
    ...createRecordingSlice(host)(...a),
    ...createViewSlice(...a),
    ...createLessonSlice(deps)(...a),
    ...createFilesSlice(deps, host)(...a),
    ...createSessionsSlice(deps, host)(...a),
  }));
  bindSearchHost(store, host);
  return store;
}
