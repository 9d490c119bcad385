import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { learn } from '../src/learn/learn-loop';
import { modelCard } from '../src/learn/model-card';
import { nodeModelHost, writeModelFolder } from '../src/learn/node-host';
import { puzzleKey } from '../src/learn/puzzles';
import { initNodeTf } from '../src/learn/tf-node';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE } from '../src/inference/model-files';
import { UsageError } from './lib/eval-args';
import { LEARN_USAGE, parseLearnArgs } from './lib/learn-args';
import { PuzzleFileError, readPuzzleFile } from './lib/puzzle-file';

/** Benchmarks never used as self-play puzzles, whatever --eval names. */
const HELD_OUT_FILES = ['benchmarks/countdown-100.jsonl', 'benchmarks/game24/tot-test-901-1000.jsonl'];

/** npm run learn -- --rounds 3 --puzzles-per-round 300 --simulations 16 --eval FILE --from none --seed 1 --json OUT */
async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(LEARN_USAGE);
    return;
  }
  const args = parseLearnArgs(process.argv.slice(2));
  const all = readPuzzleFile(args.eval);
  const evalPuzzles = args.limit ? all.slice(0, args.limit) : all;
  const heldOut = new Set(HELD_OUT_FILES.flatMap((f) => readPuzzleFile(f).map(puzzleKey)));
  await initNodeTf();
  const generations: unknown[] = [];
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);
  const result = await learn(nodeModelHost(), evalPuzzles, heldOut, args.config, {
    onPhase: (phase, round) => log(`round ${round}: ${phase}`),
    onSelfPlay: (_r, i, total) => {
      if ((i + 1) % 50 === 0 || i + 1 === total) log(`  self-play ${i + 1}/${total}`);
    },
    onLoss: (p) => {
      if (p.heldOut !== undefined)
        log(`  ${p.model} epoch ${p.epoch} step ${p.step}: held-out loss ${p.heldOut.toFixed(4)}`);
    },
    onGeneration: (g, models) => {
      generations.push(g);
      if (args.out && args.saveGenerations) {
        const dir = join(args.out, `generation-${g.round}`);
        writeModelFolder(dir, COUNTDOWN_POLICY, models.policy);
        if (models.value) writeModelFolder(dir, COUNTDOWN_VALUE, models.value);
      }
      writeFileSync(args.json, `${JSON.stringify({ config: args.config, generations }, null, 2)}\n`);
      log(
        `generation ${g.round}: MCTS@${args.config.simulations} ${(g.mcts.rate * 100).toFixed(1)}%, ` +
          `chain ${(g.chain.rate * 100).toFixed(1)}% (${g.seconds.toFixed(0)} s)`,
      );
    },
  });
  if (args.out) {
    const card = modelCard(args.config, result.generations);
    writeModelFolder(args.out, COUNTDOWN_POLICY, result.models.policy, card('policy'));
    if (result.models.value) writeModelFolder(args.out, COUNTDOWN_VALUE, result.models.value, card('value'));
    log(`wrote ${join(args.out, COUNTDOWN_POLICY)} and ${join(args.out, COUNTDOWN_VALUE)}`);
  }
}

main().catch((e: unknown) => {
  const known = e instanceof UsageError || e instanceof PuzzleFileError;
  console.error(known ? `error: ${(e as Error).message}` : e);
  if (e instanceof UsageError) console.error(LEARN_USAGE);
  process.exit(2);
});
