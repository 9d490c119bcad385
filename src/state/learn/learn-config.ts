import { DEFAULT_LEARN, type LearnConfig } from '../../learn/learn-loop';
import type { BufferRecord } from '../../learn/buffer-file';
import type { BufferSummary, LearnSettings } from './learn-types';

/**
 * The page's run settings, small enough that a round finishes in a few minutes in the page
 * (`npm run learn` does the big runs), and the learning loop's config made from them.
 */
export const DEFAULT_LEARN_SETTINGS: LearnSettings = {
  rounds: 1,
  puzzlesPerRound: 40,
  simulations: 16,
  valueTarget: 'outcome',
  from: 'none',
  epochs: 2,
  evalPuzzles: 20,
  measureSimulations: [4, 8, 16, 32],
  seed: 1,
};

export function learnConfigOf(settings: LearnSettings): LearnConfig {
  return {
    ...DEFAULT_LEARN,
    rounds: settings.rounds,
    puzzlesPerRound: settings.puzzlesPerRound,
    simulations: settings.simulations,
    seed: settings.seed,
    valueTarget: settings.valueTarget,
    from: settings.from,
    policyTrain: { ...DEFAULT_LEARN.policyTrain, epochs: settings.epochs },
    valueTrain: { ...DEFAULT_LEARN.valueTrain, epochs: settings.epochs },
    measureSimulations: [...settings.measureSimulations],
  };
}

export const EMPTY_BUFFER: BufferSummary = { records: 0, examples: 0, byRound: {}, solvedShare: 0 };

/** The summary with `records` added (solved share kept as a running mean). */
export function addToSummary(summary: BufferSummary, records: readonly BufferRecord[]): BufferSummary {
  if (records.length === 0) return summary;
  const byRound: Record<number, number> = { ...summary.byRound };
  let solved = summary.solvedShare * summary.records;
  let examples = summary.examples;
  for (const r of records) {
    byRound[r.round] = (byRound[r.round] ?? 0) + 1;
    if (r.solved) solved += 1;
    examples += r.examples.length;
  }
  const total = summary.records + records.length;
  return { records: total, examples, byRound, solvedShare: solved / total };
}
