import type { BenchReport } from '../../src/bench/bench-workload';

/** The benchmark's report as a table, for the terminal. */
export function formatBench(r: BenchReport): string {
  const row = (name: string, s: BenchReport['cacheOn']) =>
    `${name.padEnd(10)} ${s.simsPerSec.toFixed(1).padStart(8)} ${s.prefillTokensPerSim.toFixed(1).padStart(12)} ${s.generatedTokensPerSec.toFixed(0).padStart(12)} ${s.forwardShare.toFixed(2).padStart(8)} ${(Number.isFinite(s.peakMemoryMB) ? s.peakMemoryMB.toFixed(0) : '—').padStart(8)} ${s.seconds.toFixed(1).padStart(8)} ${s.forwardSeconds.toFixed(1).padStart(10)}`;
  return [
    `workload: ${r.workload.puzzles} puzzles x ${r.workload.simulations} simulations, seed ${r.workload.seed}, ${r.workload.warmupPuzzles} warm-up puzzle(s) untimed`,
    `${'side'.padEnd(10)} ${'sims/s'.padStart(8)} ${'prefill/sim'.padStart(12)} ${'gen tok/s'.padStart(12)} ${'fwd share'.padStart(8)} ${'peak MB'.padStart(8)} ${'seconds'.padStart(8)} ${'fwd s (lb)'.padStart(10)}`,
    row('cache off', r.cacheOff),
    row('cache on', r.cacheOn),
    ...(['cacheOff', 'cacheOn'] as const).map((k) => {
      const s = r[k];
      const trace = s.memoryTraceMB.filter((m): m is number => typeof m === 'number' && Number.isFinite(m));
      const memory =
        trace.length > 0
          ? `memory ${trace[0]?.toFixed(0)} -> ${trace.at(-1)?.toFixed(0)} MB over the puzzles`
          : 'memory not measured';
      const calls = `policy ${s.policyForwardCalls} passes in ${s.policyForwardSeconds.toFixed(2)} s, value ${s.valueForwardCalls} in ${s.valueForwardSeconds.toFixed(2)} s`;
      return `${k}: ${s.expansions} expansions, ${s.solved} solved, ${calls}, caches hold ${s.cacheMB.toFixed(1)} MB at the end, ${memory}`;
    }),
    `speedup ${r.speedup.toFixed(2)}x · prefillRatio ${r.prefillRatio.toFixed(3)} · identicalTrees ${r.identicalTrees}`,
  ].join('\n');
}
