import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { BenchReport } from '../src/bench/bench-workload';
import { formatBench } from './lib/format-bench';
import { waitForServer } from './lib/wait-for-server';

const USAGE = `npm run bench:browser -- [--puzzles N] [--simulations N] [--backend wasm|webgpu] [--json FILE] [--node FILE]
  The workload of npm run bench, in Chromium (Debian's when installed) through Playwright: the
  production build is served on 127.0.0.1:4319 and bench.html runs it in a worker. --node reads a
  report written by npm run bench -- --json, to print the browser-to-Node ratio.`;

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  const puzzles = flag('puzzles') ?? '20';
  const sims = flag('simulations') ?? '64';
  const backend = flag('backend') ?? 'wasm';
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const port = 4319;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const debian = '/usr/lib/chromium/chromium';
  const browser = await chromium.launch({
    ...(existsSync(debian) ? { executablePath: debian } : {}),
    args: ['--no-sandbox', '--enable-unsafe-webgpu'],
  });
  try {
    await waitForServer(`http://127.0.0.1:${port}/bench.html`, 30_000);
    const page = await browser.newPage();
    page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));
    await page.goto(`http://127.0.0.1:${port}/bench.html?puzzles=${puzzles}&sims=${sims}&backend=${backend}`);
    const report = page.locator('#report');
    await report.locator('xpath=self::*[@data-state!="running"]').waitFor({ timeout: 30 * 60_000 });
    const text = (await report.textContent()) ?? '';
    if ((await report.getAttribute('data-state')) !== 'done')
      throw new Error(`the benchmark failed in the page: ${text}`);
    const result = JSON.parse(text) as BenchReport;
    const json = flag('json');
    if (json) {
      writeFileSync(json, JSON.stringify(result, null, 2));
      console.log(`wrote ${json}`);
    }
    console.log(`browser (${backend}):`);
    console.log(formatBench(result));
    const nodeFile = flag('node');
    if (nodeFile) {
      const node = JSON.parse(readFileSync(nodeFile, 'utf8')) as BenchReport;
      const ratio = node.cacheOn.simsPerSec / result.cacheOn.simsPerSec;
      console.log(
        `Node ${node.cacheOn.simsPerSec.toFixed(1)} sims/s vs browser ${result.cacheOn.simsPerSec.toFixed(1)}: the browser takes ${ratio.toFixed(2)}x Node's time (cache on)`,
      );
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `error: ${e.message}` : e);
  process.exit(2);
});
