import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { StoreApi } from 'zustand/vanilla';
import { learn, type Generation } from '../src/learn/learn-loop';
import { nodeModelHost } from '../src/learn/node-host';
import { puzzleKey } from '../src/learn/puzzles';
import { initNodeTf } from '../src/learn/tf-node';
import { DEFAULT_LEARN_SETTINGS, learnConfigOf } from '../src/state/learn/learn-config';
import type { LearnPhase, LearnSettings, LearnState } from '../src/state/learn/learn-types';
import { readPuzzleFile } from './lib/puzzle-file';
import { waitForServer } from './lib/wait-for-server';

const USAGE = `npm run bench:learn -- [--puzzles N] [--simulations N] [--eval N] [--chromium-first]
  One round of the learning loop (self-play, training, measuring generations 0 and 1) on the same
  work in Node (tfjs WASM + onnxruntime-node) and in Chromium (the Learn view's store and worker on
  WASM, learn-bench.html on a production build served on 127.0.0.1:4463), one after the other;
  prints the seconds of each phase and the ratio Chromium / Node. Default: 20 self-play puzzles at
  16 simulations, 1 epoch, the first 10 puzzles of benchmarks/countdown-100.jsonl at [16], seed 1.`;

declare global {
  interface Window {
    /** Set by learn-bench.html (src/bench/learn-bench-page.ts). */
    learnStore: StoreApi<LearnState>;
    learnPhaseSeconds: Partial<Record<LearnPhase, number>>;
  }
}

const flag = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

type Phase = 'evaluate' | 'self-play' | 'train-policy' | 'train-value';
const PHASES: readonly Phase[] = ['self-play', 'train-policy', 'train-value', 'evaluate'];
type Timing = Partial<Record<Phase, number>>;
interface Run {
  readonly seconds: Timing;
  readonly generations: readonly Pick<Generation, 'round' | 'mcts' | 'chain'>[];
}

const HELD_OUT_FILES = ['benchmarks/countdown-100.jsonl', 'benchmarks/game24/tot-test-901-1000.jsonl'];

async function inNode(settings: LearnSettings): Promise<Run> {
  await initNodeTf();
  const puzzles = readPuzzleFile('benchmarks/countdown-100.jsonl').slice(0, settings.evalPuzzles);
  const heldOut = new Set(HELD_OUT_FILES.flatMap((f) => readPuzzleFile(f).map(puzzleKey)));
  const seconds: Timing = {};
  let phase: Phase | null = null;
  let since = performance.now();
  const close = () => {
    if (phase) seconds[phase] = (seconds[phase] ?? 0) + (performance.now() - since) / 1000;
    since = performance.now();
  };
  const result = await learn(nodeModelHost(), puzzles, heldOut, learnConfigOf(settings), {
    onPhase: (next) => {
      close();
      phase = next;
    },
  });
  close();
  return { seconds, generations: result.generations };
}

async function inChromium(settings: LearnSettings): Promise<Run> {
  const outDir = 'dist-bench-learn';
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const port = 4463;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { stdio: 'ignore', detached: true },
  );
  const debian = '/usr/lib/chromium/chromium';
  const browser = await chromium.launch({
    ...(existsSync(debian) ? { executablePath: debian } : {}),
    args: ['--no-sandbox', '--disable-quic'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/learn-bench.html`, 30_000);
    const page = await browser.newPage();
    const query = new URLSearchParams({
      run: '1',
      puzzles: String(settings.puzzlesPerRound),
      sims: String(settings.simulations),
      epochs: String(settings.epochs),
      eval: String(settings.evalPuzzles),
      measure: settings.measureSimulations.join(','),
      seed: String(settings.seed),
    });
    await page.goto(`${base}/learn-bench.html?${query}`);
    const state = page.locator('#state');
    await state
      .locator('xpath=self::*[@data-phase="done" or @data-phase="error"]')
      .waitFor({ timeout: 60 * 60_000 });
    if ((await state.getAttribute('data-phase')) !== 'done')
      throw new Error(`the round failed in the page: ${await state.textContent()}`);
    return await page.evaluate(() => ({
      seconds: window.learnPhaseSeconds,
      generations: window.learnStore
        .getState()
        .generations.map((g) => ({ round: g.round, mcts: g.mcts, chain: g.chain })),
    }));
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

const total = (t: Timing) => PHASES.reduce((a, p) => a + (t[p] ?? 0), 0);
const row = (name: string, node: number, browser: number) =>
  `${name.padEnd(22)}${node.toFixed(1).padStart(9)}${browser.toFixed(1).padStart(11)}${(browser / node).toFixed(2).padStart(9)}`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  const settings: LearnSettings = {
    ...DEFAULT_LEARN_SETTINGS,
    rounds: 1,
    puzzlesPerRound: flag('puzzles', 20),
    simulations: flag('simulations', 16),
    epochs: 1,
    evalPuzzles: flag('eval', 10),
    measureSimulations: [flag('simulations', 16)],
    seed: 1,
  };
  // --chromium-first: the other order, to see how much a busy machine moved the figures.
  const chromiumFirst = process.argv.includes('--chromium-first');
  const browser0 = chromiumFirst ? await inChromium(settings) : null;
  const node = await inNode(settings);
  const browser = browser0 ?? (await inChromium(settings));
  console.log(
    `one round: ${settings.puzzlesPerRound} self-play puzzles at ${settings.simulations} simulations, 1 epoch, ${settings.evalPuzzles} eval puzzles (generations 0 and 1)`,
  );
  console.log(
    `${'phase (seconds)'.padEnd(22)}${'Node'.padStart(9)}${'Chromium'.padStart(11)}${'ratio'.padStart(9)}`,
  );
  const sum = (t: Timing, ps: Phase[]) => ps.reduce((a, p) => a + (t[p] ?? 0), 0);
  console.log(row('self-play', sum(node.seconds, ['self-play']), sum(browser.seconds, ['self-play'])));
  console.log(
    row(
      'training',
      sum(node.seconds, ['train-policy', 'train-value']),
      sum(browser.seconds, ['train-policy', 'train-value']),
    ),
  );
  console.log(row('measuring (2 gens)', sum(node.seconds, ['evaluate']), sum(browser.seconds, ['evaluate'])));
  console.log(row('round, all phases', total(node.seconds), total(browser.seconds)));
  for (const [name, run] of [
    ['Node', node],
    ['Chromium', browser],
  ] as const)
    console.log(
      `${name}: ${run.generations.map((g) => `generation ${g.round} MCTS ${g.mcts.solved}/${g.mcts.total}, chain ${(g.chain.rate * 100).toFixed(0)}%`).join('; ')}`,
    );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `error: ${e.message}` : e);
  process.exit(2);
});
