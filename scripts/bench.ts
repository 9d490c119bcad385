import { writeFileSync } from 'node:fs';
import { runBench } from '../src/bench/bench-workload';
import { formatBench } from './lib/format-bench';
import { loadBenchModels } from './lib/bench-node-models';
import { readPuzzleFile } from './lib/puzzle-file';

const USAGE = `npm run bench -- [--puzzles N] [--simulations N] [--dtype fp32|q8] [--json FILE]
  The fixed MCTS workload (the first N puzzles of benchmarks/game24/tot-test-901-1000.jsonl,
  seed 1, the whole budget spent) with the prefix cache off, then on, each side after an
  untimed warm-up on the file's last puzzle. Defaults: 20 puzzles x 64.`;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function positive(name: string, fallback: number): number {
  const raw = flag(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive integer, got ${raw}`);
  return n;
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  const count = positive('puzzles', 20);
  const simulations = positive('simulations', 64);
  const all = readPuzzleFile('benchmarks/game24/tot-test-901-1000.jsonl');
  const puzzles = all.slice(0, count);
  const dtype = flag('dtype') ?? 'fp32';
  if (dtype !== 'fp32' && dtype !== 'q8') throw new Error(`--dtype is fp32 or q8, got ${dtype}`);
  const report = await runBench(
    (cache) => loadBenchModels(cache, dtype),
    puzzles,
    simulations,
    (line) => process.stderr.write(`${line}\n`),
    all.slice(-1),
  );
  console.log(formatBench(report));
  const json = flag('json');
  if (json) {
    writeFileSync(json, JSON.stringify(report, null, 2));
    console.log(`wrote ${json}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `error: ${e.message}` : e);
  process.exit(2);
});
