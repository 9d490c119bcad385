/**
 * What went wrong loading a model, said so that a user can act on it. transformers.js reports
 * failures as plain errors; these rules recognise the common ones.
 */
export function isHubModel(id: string): boolean {
  return id.includes('/');
}

export function describeLoadError(e: unknown, id: string, hub: string): string {
  const raw = e instanceof Error ? e.message : String(e);
  const where = isHubModel(id) ? `from ${hub}` : 'from the app';
  if (/Unexpected token '?<'?|<!doctype|is not valid JSON/i.test(raw)) {
    return `${id}: the hub at ${hub} answered with an HTML page instead of the model files (is the hub address right?)`;
  }
  if (/\b404\b|could not locate file|not found|tokenizer_class/i.test(raw)) {
    return `${id}: not found ${where} (${raw})`;
  }
  if (/\b(401|403)\b/.test(raw)) return `${id}: access denied ${where}: a gated or private model (${raw})`;
  if (/\b5\d\d\b/.test(raw)) return `${id}: the hub failed to serve it (${raw}); try again`;
  if (/unsupported model type|not supported|unknown model/i.test(raw)) {
    return `${id}: unsupported architecture for transformers.js (${raw})`;
  }
  if (/failed to fetch|network|load failed|terminated|aborted|ERR_/i.test(raw)) {
    return `${id}: the download ${where} was interrupted or could not start (${raw}); try again`;
  }
  return `${id}: loading failed (${raw})`;
}
