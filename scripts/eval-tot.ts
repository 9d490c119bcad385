import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluatePuzzles, type EvalReport } from '../src/core/evaluate';
import { DEFAULT_CONFIG, type SearchConfig } from '../src/core/strategies/strategy';
import { loadCountdownModels } from '../src/inference/node-models';
import { readPuzzleFile } from './lib/puzzle-file';
import { formatReportTable } from './lib/report-table';

/**
 * npm run eval:tot: the four strategies side by side on the Tree of Thoughts test set (Game of 24,
 * ranks 901-1000), with budgets chosen so the searches spend tokens of the same order; `--all` adds
 * the Blueprint's toolbox (BFS, DFS, DVTS, Gumbel, the MCTS variants, MCTS-Solver, graph mode), and
 * `--puzzles FILE` runs the same table on another puzzle file.
 */
const TOT_FILE = new URL('../benchmarks/game24/tot-test-901-1000.jsonl', import.meta.url);

export const TOT_CONFIGS: readonly SearchConfig[] = [
  { ...DEFAULT_CONFIG, strategy: 'cot', simulations: 1, temperature: 0 },
  { ...DEFAULT_CONFIG, strategy: 'bon', simulations: 48, temperature: 1 },
  { ...DEFAULT_CONFIG, strategy: 'beam', simulations: 4, k: 10, temperature: 1 },
  { ...DEFAULT_CONFIG, strategy: 'mcts', simulations: 64 },
];

/** The toolbox at budgets of the same order of tokens (README, "Evaluate the search"). */
export const TOOLBOX_CONFIGS: readonly SearchConfig[] = [
  { ...DEFAULT_CONFIG, strategy: 'bfs', simulations: 5, k: 10, temperature: 1 },
  { ...DEFAULT_CONFIG, strategy: 'dfs', simulations: 24 },
  { ...DEFAULT_CONFIG, strategy: 'dvts', simulations: 48, k: 8, temperature: 1 },
  { ...DEFAULT_CONFIG, strategy: 'mcts', simulations: 64, solver: true },
  { ...DEFAULT_CONFIG, strategy: 'mcts', simulations: 64, variant: 'alphazero' },
  { ...DEFAULT_CONFIG, strategy: 'mcts', simulations: 64, variant: 'x1' },
  { ...DEFAULT_CONFIG, strategy: 'mcts', simulations: 64, graph: true },
  { ...DEFAULT_CONFIG, strategy: 'gumbel', simulations: 64 },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'string' },
      dtype: { type: 'string' },
      all: { type: 'boolean' },
      puzzles: { type: 'string' },
    },
  });
  const seed = Number(values.seed ?? 1);
  const file = values.puzzles ?? TOT_FILE.pathname;
  const puzzles = readPuzzleFile(file).slice(0, Number(values.limit ?? 100));
  const configs = values.all ? [...TOT_CONFIGS, ...TOOLBOX_CONFIGS] : TOT_CONFIGS;
  const models = await loadCountdownModels(values.dtype === 'fp32' ? 'fp32' : 'q8');
  const reports: EvalReport[] = [];
  for (const config of configs) {
    const report = await evaluatePuzzles(puzzles, { ...config, seed }, models);
    process.stderr.write(`${config.strategy} ${config.variant}: ${report.solved}/${report.total}\n`);
    reports.push(report);
  }
  await models.dispose();
  const dtype = values.dtype === 'fp32' ? 'fp32' : '8-bit';
  const set = values.puzzles ?? 'Game of 24, ToT test set (ranks 901-1000)';
  console.log(`${set}, ${puzzles.length} puzzles, seed ${seed}, shipped ${dtype} models on CPU`);
  console.log(formatReportTable(reports));
  if (values.puzzles === undefined)
    console.log(
      'Published with GPT-4 on this set (Yao et al., 2023): chain of thought 4.0%, Tree of Thoughts 74%.',
    );
  if (values.json) writeFileSync(values.json, JSON.stringify(reports, null, 2));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `error: ${e.message}` : e);
  process.exit(2);
});
