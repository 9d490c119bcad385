import { ImportError } from './import-error';

/**
 * Limits on an imported file's JSON beyond its byte size. JSON.parse itself reads any nesting,
 * but code that recurses (JSON.stringify, structuredClone, a strategy's state decoder) overflows
 * the stack on a file nested 200,000 deep; refusing such a file up front gives a message instead.
 * x1 nests two levels per reasoning step (node, children array), and a chain as long as the node
 * limit (MAX_X1_NODES, 20,000) must still be read: 50,000 levels leaves room for that.
 */
export const MAX_IMPORT_DEPTH = 50_000;
/** A session file is flat apart from the strategies' states: a few levels each. */
export const MAX_SESSION_DEPTH = 64;

interface Pending {
  readonly value: unknown;
  readonly depth: number;
}

/** Refuses JSON nested deeper than `max` levels; walks with its own stack, not recursion. */
export function checkJsonDepth(
  data: unknown,
  max = MAX_IMPORT_DEPTH,
  what = 'no session or x1 tree does',
): void {
  const stack: Pending[] = [{ value: data, depth: 1 }];
  for (;;) {
    const item = stack.pop();
    if (item === undefined) return;
    const { value, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > max)
      throw new ImportError(
        `the file nests arrays and objects more than ${max.toLocaleString('en')} levels deep, which ${what}`,
      );
    for (const child of Array.isArray(value) ? value : Object.values(value))
      stack.push({ value: child, depth: depth + 1 });
  }
}

/**
 * A NUL never appears in JSON text (JSON.stringify writes "\u0000"), but fills binary files and
 * UTF-16 read as UTF-8. U+FFFD is where File.text() met bytes that are not UTF-8; a model's step
 * may hold one too, so it only explains a file that JSON.parse has already refused. The first
 * 64 KB tell an image or an archive.
 */
export function looksBinary(text: string, afterParseError: boolean): boolean {
  const head = text.slice(0, 65_536);
  return head.includes('\u0000') || (afterParseError && head.includes('\uFFFD'));
}

export function binaryFileError(): ImportError {
  return new ImportError(
    'the file is not UTF-8 text (it holds binary data); import a session or an x1 tree, as JSON',
  );
}

/** A UTF-8 byte order mark (Windows editors write one) is not JSON, but is no reason to refuse. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
