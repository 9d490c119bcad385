/**
 * A strategy snapshot is structured-clonable data, not JSON: best-of-N keeps Maps, a budget may be
 * Infinity. These write such values as tagged objects and read them back, so a snapshot survives
 * a session file unchanged. Tags: `{"$map": [[key, value], ...]}`, `{"$set": [...]}`,
 * `{"$number": "Infinity" | "-Infinity" | "NaN"}`; `undefined` object fields are left out, as
 * JSON.stringify leaves them out.
 */
const TAGS = ['$map', '$set', '$number'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTagged(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && TAGS.some((t) => t === keys[0]);
}

export class SnapshotEncodingError extends Error {
  override readonly name = 'SnapshotEncodingError';
}

export function encodeSnapshotState(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (value instanceof Map)
    return { $map: [...value].map(([k, v]) => [encodeSnapshotState(k), encodeSnapshotState(v)]) };
  if (value instanceof Set) return { $set: [...value].map(encodeSnapshotState) };
  if (Array.isArray(value)) return value.map(encodeSnapshotState);
  if (isPlainObject(value)) {
    // A plain object shaped like a tag would read back as something else.
    if (isTagged(value))
      throw new SnapshotEncodingError(`a snapshot object uses the reserved key ${Object.keys(value)[0]}`);
    // fromEntries defines own properties, so no key can reach a prototype.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, encodeSnapshotState(v)]),
    );
  }
  return value;
}

/** The inverse of encodeSnapshotState; throws SnapshotEncodingError on a malformed tag. */
export function decodeSnapshotState(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeSnapshotState);
  if (!isPlainObject(value)) return value;
  if (isTagged(value)) {
    const [tag, body] = Object.entries(value)[0] ?? [];
    if (tag === '$number' && (body === 'Infinity' || body === '-Infinity' || body === 'NaN'))
      return Number(body);
    if (tag === '$set' && Array.isArray(body)) return new Set(body.map(decodeSnapshotState));
    if (tag === '$map' && Array.isArray(body) && body.every((e) => Array.isArray(e) && e.length === 2)) {
      return new Map(body.map((e: unknown[]) => [decodeSnapshotState(e[0]), decodeSnapshotState(e[1])]));
    }
    throw new SnapshotEncodingError(`malformed ${String(tag)} value`);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeSnapshotState(v)]));
}
