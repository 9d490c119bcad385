import { writeFileSync } from 'node:fs';
import { evaluatePuzzles } from '../src/core/evaluate';
import { COUNTDOWN_ORM, COUNTDOWN_VALUE } from '../src/inference/model-files';
import { loadCountdownModels, ModelFolderError } from '../src/inference/node-models';
import { CompletionsClient } from '../src/inference/openai/completions-client';
import { EngineError } from '../src/inference/openai/engine-error';
import { probeEngine } from '../src/inference/openai/engine-probe';
import { OpenAiPolicy } from '../src/inference/openai/openai-policy';
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
  const policy = args.engine ? await enginePolicy(args.engine) : models.policy;
  const searchModels = args.value === 'none' ? { policy } : { policy, value: models.value };
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

/** The policy on a server engine, after probing what it can do (said on stderr). */
async function enginePolicy(engine: { base: string; model: string }): Promise<OpenAiPolicy> {
  const apiKey = process.env.OPENAI_API_KEY;
  const client = new CompletionsClient({ ...engine, ...(apiKey ? { apiKey } : {}) });
  const capabilities = await probeEngine(client);
  for (const note of capabilities.notes) process.stderr.write(`note: ${note}\n`);
  return new OpenAiPolicy(client, capabilities);
}

main().catch((e: unknown) => {
  const known =
    e instanceof UsageError ||
    e instanceof PuzzleFileError ||
    e instanceof ModelFolderError ||
    e instanceof EngineError;
  console.error(known ? `error: ${(e as Error).message}` : e);
  if (e instanceof UsageError) console.error(EVAL_USAGE);
  process.exit(2);
});
