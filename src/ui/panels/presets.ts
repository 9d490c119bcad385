/**
 * Puzzles offered in the problem panel. The Game-of-24 ones are the first test puzzles of the
 * Tree-of-Thoughts benchmark (benchmarks/game24, ranks 901-1000), so a run here can be compared
 * with the paper's; the Countdown ones use other targets and sizes. presets.test.ts checks that
 * every one is valid and solvable, since an unsolvable preset would only show an error.
 */
export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly numbers: readonly number[];
  readonly target: number;
}

export const PRESETS: readonly Preset[] = [
  { id: 'tot-901', label: 'ToT #901: 4 5 6 10 → 24', numbers: [4, 5, 6, 10], target: 24 },
  { id: 'tot-902', label: 'ToT #902: 1 2 4 7 → 24', numbers: [1, 2, 4, 7], target: 24 },
  { id: 'tot-904', label: 'ToT #904: 3 4 4 13 → 24', numbers: [3, 4, 4, 13], target: 24 },
  { id: 'tot-905', label: 'ToT #905: 6 7 8 9 → 24', numbers: [6, 7, 8, 9], target: 24 },
  { id: 'tot-906', label: 'ToT #906: 1 11 11 13 → 24', numbers: [1, 11, 11, 13], target: 24 },
  { id: 'cd-17', label: 'Countdown: 2 3 7 → 17', numbers: [2, 3, 7], target: 17 },
  { id: 'cd-64', label: 'Countdown: 2 3 8 12 → 64', numbers: [2, 3, 8, 12], target: 64 },
  { id: 'cd-75', label: 'Countdown: 1 3 6 13 → 75', numbers: [1, 3, 6, 13], target: 75 },
  { id: 'cd-90', label: 'Countdown: 2 5 7 10 → 90', numbers: [2, 5, 7, 10], target: 90 },
  { id: 'cd-97', label: 'Countdown: 2 4 6 9 13 → 97', numbers: [2, 4, 6, 9, 13], target: 97 },
];

/** The preset the typed problem is exactly (same numbers in the same order), if any. */
export function presetFor(numbersText: string, targetText: string): Preset | undefined {
  const numbers = numbersText
    .split(/[\s,]+/)
    .filter((p) => p !== '')
    .join(',');
  const target = targetText.trim();
  return PRESETS.find((p) => p.numbers.join(',') === numbers && String(p.target) === target);
}
