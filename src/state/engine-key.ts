/**
 * The server engine's API key: held in memory for this tab, and in localStorage only when the
 * user ticks "remember on this device". It is never written to the URL, a session file or a log.
 */
const STORAGE_KEY = 'rlm-playground:engine-api-key';
let key: string | null = null;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function engineApiKey(): string {
  return key ?? storage()?.getItem(STORAGE_KEY) ?? '';
}

export function isEngineKeyRemembered(): boolean {
  return (storage()?.getItem(STORAGE_KEY) ?? null) !== null;
}

export function setEngineApiKey(value: string, remember: boolean): void {
  key = value;
  const store = storage();
  if (!store) return;
  if (remember && value !== '') store.setItem(STORAGE_KEY, value);
  else store.removeItem(STORAGE_KEY);
}
