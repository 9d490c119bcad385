import type { Policy, Value } from '../core/models';
import { SearchSession } from '../core/session';
import { createStrategy } from '../core/strategies/create';
import { DEFAULT_CONFIG, runToEnd, type SearchConfig } from '../core/strategies/strategy';
import { countdownTask, type CountdownProblem } from '../core/tasks/countdown';
import type { ReasoningTree } from '../core/tree';

/**
 * The benchmark's workload, the same in Node (scripts/bench.ts) and in Chromium (bench.html):
 * MCTS with a fixed seed and budget on a fixed list of puzzles, run once with the prefix cache
 * off and once on. Token counts do not depend on the machine; times do, so they are reported as
 * rates and ratios from one run.
 */
export interface BenchModels {
  readonly policy: Policy & {
    readonly prefillTokens: number;
    readonly generatedTokens: number;
    readonly forwardCalls: number;
    readonly cacheStats: { readonly bytes: number } | null;
    clearCache(): void;
  };
  readonly value: Value & {
    readonly prefillTokens: number;
    readonly forwardCalls: number;
    readonly cacheStats: { readonly bytes: number } | null;
    clearCache(): void;
  };
  /** Milliseconds spent inside each model's calls so far. */
  forwardMs(): { readonly policy: number; readonly value: number };
  /** Memory in use now, in MB (process RSS in Node, the JS heap in the browser). */
  memoryMB(): number;
  dispose(): Promise<void>;
}

export interface BenchSide {
  readonly simsPerSec: number;
  /**
   * Tokens fed through the models that were not newly generated, per simulation: the policy's
   * contexts, and the value model's traces less each one's new last step.
   */
  readonly prefillTokensPerSim: number;
  readonly generatedTokensPerSec: number;
  /** Share of wall time inside model calls. */
  readonly forwardShare: number;
  readonly peakMemoryMB: number;
  readonly seconds: number;
  /** Seconds inside model calls: the time the same tokens need with no engine around them. */
  readonly forwardSeconds: number;
  /** The same, per model, and how many forward passes each made. */
  readonly policyForwardSeconds: number;
  readonly valueForwardSeconds: number;
  readonly policyForwardCalls: number;
  readonly valueForwardCalls: number;
  readonly simulations: number;
  readonly prefillTokens: number;
  readonly generatedTokens: number;
  readonly solved: number;
  /** Policy calls (expansions) over the whole side. */
  readonly expansions: number;
  /** Memory after each puzzle, in MB: flat when nothing leaks as the caches fill and evict. */
  readonly memoryTraceMB: readonly number[];
  /** Bytes held by the policy's and the value's prefix caches at the end, in MB (0 with it off). */
  readonly cacheMB: number;
}

export interface BenchReport {
  readonly workload: {
    readonly puzzles: number;
    readonly simulations: number;
    readonly seed: number;
    /** Puzzles searched before the timed run, outside it, with the caches emptied after. */
    readonly warmupPuzzles: number;
  };
  readonly cacheOff: BenchSide;
  readonly cacheOn: BenchSide;
  readonly speedup: number;
  readonly prefillRatio: number;
  readonly identicalTrees: boolean;
}

/** A tree as comparable text: ids, structure, steps and statistics (values rounded off float noise). */
export function treeFingerprint(tree: ReasoningTree): string {
  return Object.values(tree.nodes)
    .map(
      (n) =>
        `${n.id}<${n.parentId ?? ''}|${n.text}|${n.visits}|${n.status}|${n.samples}|${(n.value ?? -1).toFixed(3)}`,
    )
    .join('\n');
}

export async function runSide(
  models: BenchModels,
  puzzles: readonly CountdownProblem[],
  config: SearchConfig,
  onPuzzle?: (i: number) => void,
): Promise<{ side: BenchSide; trees: string[] }> {
  const trees: string[] = [];
  let simulations = 0;
  let solved = 0;
  let expansions = 0;
  const memoryTraceMB: number[] = [];
  let peak = models.memoryMB();
  const p0 = models.policy.prefillTokens + models.value.prefillTokens;
  const g0 = models.policy.generatedTokens;
  const f0 = models.forwardMs();
  const c0 = { policy: models.policy.forwardCalls, value: models.value.forwardCalls };
  const t0 = performance.now();
  for (const [i, problem] of puzzles.entries()) {
    const session = new SearchSession(
      countdownTask,
      problem,
      { policy: models.policy, value: models.value },
      config.seed,
    );
    const strategy = createStrategy(session, config);
    const result = await runToEnd(strategy);
    simulations += result.iterations;
    expansions += session.policyCalls;
    if (result.solved) solved++;
    trees.push(treeFingerprint(session.tree));
    memoryTraceMB.push(models.memoryMB());
    peak = Math.max(peak, models.memoryMB());
    onPuzzle?.(i);
  }
  const seconds = (performance.now() - t0) / 1000;
  const f1 = models.forwardMs();
  const policyForwardSeconds = (f1.policy - f0.policy) / 1000;
  const valueForwardSeconds = (f1.value - f0.value) / 1000;
  const forwardSeconds = policyForwardSeconds + valueForwardSeconds;
  const prefillTokens = models.policy.prefillTokens + models.value.prefillTokens - p0;
  const generatedTokens = models.policy.generatedTokens - g0;
  return {
    trees,
    side: {
      simsPerSec: simulations / seconds,
      prefillTokensPerSim: prefillTokens / simulations,
      generatedTokensPerSec: generatedTokens / seconds,
      forwardShare: forwardSeconds / seconds,
      peakMemoryMB: peak,
      seconds,
      forwardSeconds,
      policyForwardSeconds,
      valueForwardSeconds,
      policyForwardCalls: models.policy.forwardCalls - c0.policy,
      valueForwardCalls: models.value.forwardCalls - c0.value,
      simulations,
      prefillTokens,
      generatedTokens,
      solved,
      expansions,
      memoryTraceMB,
      cacheMB:
        ((models.policy.cacheStats?.bytes ?? 0) + (models.value.cacheStats?.bytes ?? 0)) / (1024 * 1024),
    },
  };
}

/** The workload's search: MCTS, the playground's defaults, the whole budget spent on every puzzle. */
export function benchConfig(simulations: number, seed = 1): SearchConfig {
  return { ...DEFAULT_CONFIG, strategy: 'mcts', simulations, seed, stopOnSolved: false };
}

/**
 * Both sides, cache off then on, each on freshly loaded models. Each side first searches the
 * `warmup` puzzles untimed (the JavaScript engine compiles the hot code, ONNX Runtime allocates
 * its buffers), then empties its caches, so the timed run starts cold but not from a cold
 * process, and the side measured first is not the one that pays for the warm-up.
 */
export async function runBench(
  load: (prefixCache: boolean) => Promise<BenchModels>,
  puzzles: readonly CountdownProblem[],
  simulations: number,
  log: (line: string) => void = () => undefined,
  warmup: readonly CountdownProblem[] = [],
): Promise<BenchReport> {
  const config = benchConfig(simulations);
  const sides: { side: BenchSide; trees: string[] }[] = [];
  for (const prefixCache of [false, true]) {
    const models = await load(prefixCache);
    if (warmup.length > 0) {
      log(`cache ${prefixCache ? 'on' : 'off'}: warming up on ${warmup.length} other puzzle(s)`);
      await runSide(models, warmup, config);
      models.policy.clearCache();
      models.value.clearCache();
    }
    log(`cache ${prefixCache ? 'on' : 'off'}: ${puzzles.length} puzzles x ${simulations} simulations`);
    sides.push(await runSide(models, puzzles, config, (i) => log(`  puzzle ${i + 1}/${puzzles.length}`)));
    await models.dispose();
  }
  const [off, on] = sides as [(typeof sides)[0], (typeof sides)[0]];
  return {
    workload: { puzzles: puzzles.length, simulations, seed: config.seed, warmupPuzzles: warmup.length },
    cacheOff: off.side,
    cacheOn: on.side,
    speedup: on.side.simsPerSec / off.side.simsPerSec,
    prefillRatio: on.side.prefillTokensPerSim / off.side.prefillTokensPerSim,
    identicalTrees: off.trees.every((t, i) => t === on.trees[i]),
  };
}
