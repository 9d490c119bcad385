/**
 * Models made by the Learn view (src/learn/): each generation's pair is kept in IndexedDB and named
 * `learned-<generation id>-policy` / `-value`. No slash, so never a hub id: the model worker serves
 * such a model from IndexedDB (its weights) and the embedded Countdown folders (config, tokenizer).
 */
export type LearnedKind = 'policy' | 'value';

export interface LearnedModelId {
  readonly generationId: string;
  readonly kind: LearnedKind;
  /** The generation's number (its round), read from the id: `...g<round>`. */
  readonly round: number | null;
}

const LEARNED = /^learned-([A-Za-z0-9][A-Za-z0-9_.-]*)-(policy|value)$/;

export function learnedModelId(generationId: string, kind: LearnedKind): string {
  return `learned-${generationId}-${kind}`;
}

export function parseLearnedModelId(id: string): LearnedModelId | undefined {
  const m = LEARNED.exec(id);
  if (!m) return undefined;
  const generationId = m[1] as string;
  const round = /g(\d+)$/.exec(generationId);
  return { generationId, kind: m[2] as LearnedKind, round: round ? Number(round[1]) : null };
}

/** How the Models panel names one: "Learned, generation 2". */
export function learnedModelLabel(id: string): string | undefined {
  const learned = parseLearnedModelId(id);
  if (!learned) return undefined;
  return learned.round === null
    ? `Learned (${learned.generationId})`
    : `Learned, generation ${learned.round}`;
}
