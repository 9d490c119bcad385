import { describe, expect, it } from 'vitest';
import { benchConfig, runBench, runSide } from '../src/bench/bench-workload';
import { loadBenchModels } from './lib/bench-node-models';
import { readPuzzleFile } from './lib/puzzle-file';

/**
 * The benchmark's workload in small, on the real embedded models: the prefix cache must feed at
 * most a tenth of the tokens the search feeds without it, and grow exactly the same trees. Token
 * counts and trees do not depend on the machine's speed; times are never asserted.
 */
describe('the prefix cache on a small seeded MCTS workload', () => {
  it('feeds at most 10% of the prefill tokens and grows identical trees', async () => {
    const puzzles = readPuzzleFile('benchmarks/game24/tot-test-901-1000.jsonl').slice(0, 2);
    const report = await runBench((cache) => loadBenchModels(cache, 'fp32'), puzzles, 12);
    expect(report.cacheOff.simulations).toBe(24);
    expect(report.cacheOn.simulations).toBe(24);
    expect(report.cacheOn.generatedTokens).toBe(report.cacheOff.generatedTokens);
    expect(report.prefillRatio).toBeLessThanOrEqual(0.1);
    expect(report.identicalTrees).toBe(true);
  });

  it('grows the same tree from the same seed whether the cache is cold or already warm', async () => {
    const puzzles = readPuzzleFile('benchmarks/game24/tot-test-901-1000.jsonl').slice(2, 3);
    const models = await loadBenchModels(true, 'fp32');
    const cold = await runSide(models, puzzles, benchConfig(10));
    const warm = await runSide(models, puzzles, benchConfig(10));
    await models.dispose();
    expect(warm.side.prefillTokens).toBeLessThan(cold.side.prefillTokens);
    expect(warm.trees).toEqual(cold.trees);
  });
});
