/// <reference types="vite/client" />
import { validateCountdownProblem, type CountdownProblem } from '../core/tasks/countdown';
import countdown100 from '../../benchmarks/countdown-100.jsonl?raw';
import totHard from '../../benchmarks/game24/tot-test-901-1000.jsonl?raw';
import { puzzleKey } from './puzzles';

/**
 * The benchmark files, bundled into the learn worker: the page measures each generation on the
 * first N puzzles of countdown-100, and self-play never draws a puzzle from either file.
 */
function lines(text: string): CountdownProblem[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { numbers, target } = validateCountdownProblem(JSON.parse(line));
      return { numbers, target };
    });
}

export function evalPuzzles(count: number): CountdownProblem[] {
  return lines(countdown100).slice(0, count);
}

export function heldOutKeys(): Set<string> {
  return new Set([...lines(countdown100), ...lines(totHard)].map(puzzleKey));
}
