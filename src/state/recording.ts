/**
 * The recorded search the page shows while its models load: a session file of the default setup,
 * grown by the real engine on the embedded models (`npm run record:default`) and shipped in
 * public/. It can be stepped and inspected like a search; stepping it moves through what was
 * recorded, since there are no models yet to search on.
 */
export const DEFAULT_RECORDING_PATH = 'recordings/default-search.json';
