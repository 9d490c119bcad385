import { readFileSync } from 'node:fs';
import { validateCountdownProblem, type CountdownProblem } from '../../src/core/tasks/countdown';

export class PuzzleFileError extends Error {
  override readonly name = 'PuzzleFileError';
}

/**
 * Reads a JSONL puzzle file: one {"numbers": [...], "target": N} a line (other keys ignored,
 * blank lines skipped). Every malformed line is reported with its line number and the reason.
 */
export function parsePuzzleLines(text: string, source: string): CountdownProblem[] {
  const puzzles: CountdownProblem[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      errors.push(`${where}: not valid JSON (${(e as Error).message})`);
      return;
    }
    try {
      const { numbers, target } = validateCountdownProblem(value);
      puzzles.push({ numbers, target });
    } catch (e) {
      errors.push(`${where}: ${(e as Error).message}`);
    }
  });
  if (errors.length > 0) throw new PuzzleFileError(errors.join('\n'));
  if (puzzles.length === 0) throw new PuzzleFileError(`${source}: no puzzles in the file`);
  return puzzles;
}

export function readPuzzleFile(path: string): CountdownProblem[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PuzzleFileError(`cannot read puzzle file ${path}: ${(e as Error).message}`);
  }
  return parsePuzzleLines(text, path);
}
