import { createStore, type StoreApi } from 'zustand/vanilla';
import { createFilesSlice } from './files-slice';
import { createLessonSlice } from './lesson-slice';
import { createModelsSlice, type ModelHolder } from './models-slice';
import { createSearchSlice } from './search-slice';
import { createSessionsSlice } from './sessions-slice';
import { createSetupSlice } from './setup-slice';
import type { PlaygroundState, StoreDeps } from './store-types';
import { createViewSlice } from './view-slice';

export type PlaygroundStore = StoreApi<PlaygroundState>;

/** The one store of the playground, from its slices; models come from `deps.provider`. */
export function createPlaygroundStore(deps: StoreDeps): PlaygroundStore {
  const holder: ModelHolder = { current: null };
  return createStore<PlaygroundState>()((...a) => ({
    ...createSetupSlice(deps)(...a),
    ...createModelsSlice(deps, holder)(...a),
    ...createSearchSlice(deps, holder)(...a),
    ...createViewSlice(...a),
    ...createLessonSlice(...a),
    ...createFilesSlice(deps)(...a),
    ...createSessionsSlice(deps)(...a),
  }));
}
