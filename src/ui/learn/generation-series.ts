import type { StoredGeneration } from '../../state/learn/learn-types';

/**
 * The generations chart's data: one line per generation (solve rate against simulations), its
 * greedy chain's rate, a name and a colour. Generation 0 is the model before any training.
 */
export interface GenerationLine {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
  readonly points: readonly { readonly simulations: number; readonly rate: number }[];
  readonly chain: number;
}

/** Generation 0 grey (the starting point); later ones in colours that stay apart on a dark page. */
const BEFORE = '#9aa4b8';
const COLOURS = ['#f5b83d', '#3ecf8e', '#4aa8ff', '#ff6fa8', '#b48cff', '#ff8a3d', '#5fe0e0', '#e6e15a'];

/**
 * "Gen 2" while every generation is of one run; "Run 2 · gen 1" once a second run has started
 * (each run begins with its own generation 0).
 */
export function generationLabels(generations: readonly StoredGeneration[]): string[] {
  const runs = generations.filter((g) => g.round === 0).length;
  let run = 0;
  return generations.map((g, i) => {
    if (g.round === 0 || i === 0) run += 1;
    return runs > 1 ? `Run ${run} · gen ${g.round}` : `Gen ${g.round}`;
  });
}

export function generationColour(generation: StoredGeneration, index: number): string {
  return generation.round === 0 ? BEFORE : (COLOURS[(index - 1 + COLOURS.length) % COLOURS.length] ?? BEFORE);
}

export function generationLines(generations: readonly StoredGeneration[]): GenerationLine[] {
  const labels = generationLabels(generations);
  return generations.map((g, i) => ({
    id: g.id,
    label: labels[i] ?? `Gen ${g.round}`,
    colour: generationColour(g, i),
    points: [...g.curve].filter((p) => p.simulations > 0).sort((a, b) => a.simulations - b.simulations),
    chain: g.chain.rate,
  }));
}

/** The simulation budgets on the x axis: every budget measured, or the settings' while none is. */
export function budgetsOf(lines: readonly GenerationLine[], fallback: readonly number[]): number[] {
  const all = new Set(lines.flatMap((l) => l.points.map((p) => p.simulations)));
  const budgets = all.size > 0 ? [...all] : [...fallback];
  return budgets.filter((b) => b > 0).sort((a, b) => a - b);
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
