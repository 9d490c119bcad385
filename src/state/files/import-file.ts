import type { NodeId, ReasoningTree } from '../../core/tree';
import { describeValue, ImportError, isRecord, shortJson } from './import-error';
import { binaryFileError, checkJsonDepth, looksBinary, withoutBom } from './json-limits';
import { isJourney, JOURNEY_FORMAT, journeyToChain } from './journey';
import { parseSessionFile, SESSION_FORMAT, sessionTree, type SessionFile } from './session-file';
import { parseX1Tree, type X1Stats } from './x1-tree';
import { hasX1NodeFields } from './x1-structure';

export { ImportError } from './import-error';

/**
 * The one entry point for a file a person picks: size check, JSON parse, format detection, then
 * the format's own validation. Every refusal is an ImportError whose message can be shown as is.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportedFile =
  | { readonly kind: 'session'; readonly file: SessionFile; readonly tree: ReasoningTree }
  | {
      readonly kind: 'x1';
      readonly tree: ReasoningTree;
      readonly x1Ids: Record<NodeId, string>;
      readonly stats: X1Stats;
      /** The question x1 searched on, else the file's name. */
      readonly title: string;
    }
  | {
      readonly kind: 'journey';
      readonly tree: ReasoningTree;
      readonly title: string;
      readonly terminals: number;
    };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Refuses a file over MAX_IMPORT_BYTES; call it with File.size before reading the file. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES)
    throw new ImportError(
      `the file is ${megabytes(bytes)}; the playground imports files up to ${megabytes(MAX_IMPORT_BYTES)}`,
    );
}

/** UTF-8 length of `text` without encoding it (stops counting once past the limit). */
function utf8Length(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one 4-byte character: 2 bytes for each half.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (looksBinary(text, true)) throw binaryFileError();
    const message = e instanceof Error ? e.message : String(e);
    // Python's json.dump writes these for non-finite floats; JSON has no such values.
    const hint = /\b(NaN|-?Infinity)\b/.test(text)
      ? ' (it contains NaN or Infinity, which JSON does not allow)'
      : '';
    throw new ImportError(`not valid JSON: ${message}${hint}`);
  }
}

function title(question: string | undefined, fileName: string | undefined): string {
  const line = question?.replace(/\s+/g, ' ').trim();
  if (line) return line.length > 120 ? `${line.slice(0, 119)}…` : line;
  return fileName ?? 'x1 tree';
}

/** True for x1's root object, or for a flat list (or `{ nodes: [...] }`) of x1 nodes. */
function looksLikeX1(data: unknown): boolean {
  if (Array.isArray(data)) return data.some(hasX1NodeFields);
  if (!isRecord(data)) return false;
  return hasX1NodeFields(data) || (Array.isArray(data.nodes) && data.nodes.some(hasX1NodeFields));
}

export function parseImportText(text: string, fileName?: string): ImportedFile {
  checkImportSize(utf8Length(text, MAX_IMPORT_BYTES));
  const json = withoutBom(text);
  if (json.trim() === '') throw new ImportError('the file is empty');
  if (looksBinary(json, false)) throw binaryFileError();
  const data = parseJson(json);
  checkJsonDepth(data);
  if (isRecord(data) && 'format' in data) {
    if (data.format === SESSION_FORMAT) {
      const file = parseSessionFile(data);
      return { kind: 'session', file, tree: sessionTree(file) };
    }
    if (isJourney(data)) return { kind: 'journey', ...journeyToChain(data) };
    if (!looksLikeX1(data))
      throw new ImportError(
        `"format" is ${shortJson(data.format)}; the playground reads "${SESSION_FORMAT}" and "${JOURNEY_FORMAT}" files and x1 trees`,
      );
  }
  if (looksLikeX1(data)) {
    const x1 = parseX1Tree(data);
    return {
      kind: 'x1',
      tree: x1.tree,
      x1Ids: x1.x1Ids,
      stats: x1.stats,
      title: title(x1.question, fileName),
    };
  }
  throw new ImportError(
    `not a playground session (no "format": "${SESSION_FORMAT}") nor an x1 tree ` +
      `(no node with reasoning_step/visit_count); the file holds ${describeValue(data)}`,
  );
}
