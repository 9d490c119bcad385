import { writeFileSync } from 'node:fs';
import { evaluatePuzzles } from '../src/core/evaluate';
import { COUNTDOWN_ORM, COUNTDOWN_VALUE } from '../src/inference/model-files';
import { loadCountdownModels, ModelFolderError } from '../src/inference/node-models';
import { EVAL_USAGE, parseEvalArgs, UsageError } from './lib/eval-args';
import { PuzzleFileError, readPuzzleFile } from './lib/puzzle-file';
import { formatReportTable } from './lib/report-table';

/** npm run eval -- --puzzles FILE --strategy mcts --simulations 64 --seed 1 [--json OUT] */
async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(EVAL_USAGE);
    return;
  }
  const args = parseEvalArgs(process.argv.slice(2));
  const all = readPuzzleFile(args.puzzles);
  const puzzles = args.limit ? all.slice(0, args.limit) : all;
  const valueId = args.value === 'orm' ? COUNTDOWN_ORM : COUNTDOWN_VALUE;
  const models = await loadCountdownModels(args.dtype, args.modelsDir, { valueId });
  const searchModels = args.value === 'none' ? { policy: models.policy } : models;
  const report = await evaluatePuzzles(puzzles, args.config, searchModels, (r, i) => {
    const mark = !r.solvable ? 'unsolvable' : r.solved ? 'solved' : 'failed';
    process.stderr.write(`[${i + 1}/${puzzles.length}] ${r.numbers.join(' ')} -> ${r.target}: ${mark}\n`);
  });
  await models.dispose();
  console.log(formatReportTable([report]));
  if (args.json) {
    writeFileSync(args.json, JSON.stringify(report, null, 2));
    console.log(`wrote ${args.json}`);
  }
}

main().catch((e: unknown) => {
  const known = e instanceof UsageError || e instanceof PuzzleFileError || e instanceof ModelFolderError;
  console.error(known ? `error: ${(e as Error).message}` : e);
  if (e instanceof UsageError) console.error(EVAL_USAGE);
  process.exit(2);
});
