import type { z } from 'zod';

/**
 * Why an imported file was refused. The message is shown to the person who picked the file, so
 * it names the field at fault (`events[3].type: ...`) and what would have been accepted.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** `['events', 3, 'type']` -> `events[3].type` (after `base`, itself a formatted path). */
export function formatPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The value at `path` inside `data` (undefined where the path leads nowhere). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || typeof key === 'symbol') return undefined;
    cur = Object.hasOwn(cur, key) ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return cur;
}

function describeProblem(issue: z.core.$ZodIssue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(data, issue.path);
      const expected = issue.expected === 'int' ? 'a whole number' : issue.expected;
      if (got === undefined) return `missing (expected ${expected})`;
      return `expected ${expected}, got ${describeValue(got)}`;
    }
    case 'invalid_value': {
      const got = valueAt(data, issue.path);
      return (
        `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` +
        (got === undefined ? ' (missing)' : `, got ${shortJson(got)}`)
      );
    }
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        const got = valueAt(data, issue.path);
        return (
          `expected one of ${issue.options.map((v) => String(v)).join(', ')}` +
          (got === undefined ? ' (missing)' : `, got ${shortJson(got)}`)
        );
      }
      return 'matches none of the accepted shapes';
    case 'too_small':
    case 'too_big': {
      const got = valueAt(data, issue.path);
      const bound =
        issue.code === 'too_small' ? `>= ${String(issue.minimum)}` : `<= ${String(issue.maximum)}`;
      if (Array.isArray(got)) return `expected ${bound} items, got ${got.length}`;
      if (typeof got === 'string')
        return `expected ${bound} characters, got ${got.length.toLocaleString('en')}`;
      return `expected ${bound}, got ${shortJson(got)}`;
    }
    default:
      return issue.message;
  }
}

/**
 * The first few problems zod found in `data`, each with its path, as one readable sentence.
 * `base` is where `data` sits in the file (for a part validated on its own), as a formatted path.
 */
export function formatZodError(error: z.ZodError, data: unknown, base = ''): string {
  const shown = 3;
  const parts = error.issues.slice(0, shown).map((issue) => {
    const path = formatPath(issue.path, base);
    return `${path === '' ? '(top level)' : path}: ${describeProblem(issue, data)}`;
  });
  const more = error.issues.length - shown;
  return parts.join('; ') + (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '');
}

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface Visit {
  readonly value: unknown;
  readonly key: PropertyKey;
  readonly parent: Visit | null;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let v: Visit | null = visit; v !== null && v.parent !== null; v = v.parent) path.push(v.key);
  return path.reverse();
}

/**
 * Refuses keys that could reach an object's prototype if some later code copied this data with
 * Object.assign or a bracket write. Walks with an explicit stack (an x1 tree nests one level per
 * reasoning step, deeper than recursion can safely go) and builds a path only for the error.
 */
export function rejectPrototypeKeys(data: unknown): void {
  const stack: Visit[] = [{ value: data, key: '', parent: null }];
  for (;;) {
    const visit = stack.pop();
    if (visit === undefined) return;
    const { value } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, key: i, parent: visit }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        const where = formatPath(pathOf(visit));
        throw new ImportError(
          `${where === '' ? 'the top level' : where} has the key "${key}", which an imported file may not use`,
        );
      }
      stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit });
    }
  }
}

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a JSON value looks, for messages ("an array of 3", "a string", ...). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    const listed = keys
      .slice(0, 5)
      .map((k) => `"${k}"`)
      .join(', ');
    return keys.length === 0
      ? 'an empty object'
      : `an object with keys ${listed}${keys.length > 5 ? ', …' : ''}`;
  }
  return `a ${typeof value}`;
}

/**
 * A value as a message may quote it: short JSON for a scalar, a description for an object or an
 * array. A message repeats part of the file; a refused file may be 50 MB or nested without end.
 */
export function shortJson(value: unknown, max = 60): string {
  if (typeof value === 'object' && value !== null) return describeValue(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
