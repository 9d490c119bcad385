import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { assetName, formatStartup, type StartupRun } from './lib/format-startup';
import { waitForServer } from './lib/wait-for-server';

const USAGE = `npm run bench:startup -- [--runs 5] [--app DIR]... [--no-build] [--floor jspi,asyncify:original] [--json FILE]
  Page to "models ready" on cold loads: the production build served by vite preview, opened at
  /?backend=wasm in a fresh browser context each time (an empty HTTP cache and storage), and the
  floor beside it: a bare page where onnxruntime-web alone creates the same two sessions
  (scripts/startup-floor/). Runs alternate between the apps and the floors, so that a busier
  moment of the machine falls on all of them alike.
  --app DIR         a checkout whose app is built (into DIR/dist-startup) and served; repeat it to
                    compare, e.g. a worktree of an earlier commit and this one (default: this one)
  --no-build        serve the builds already there
  --floor LIST      the floors: each a runtime build (jspi, plain, asyncify), then ":original" for
                    onnx/model.onnx optimized as the session is made instead of the pre-optimized
                    graphs the app loads (jspi,asyncify:original); "none" for no floor
  --port N          the first app's port; the next apps' and the floor's follow (default 4402)
  --json FILE       every run's raw timings`;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    app: { type: 'string', multiple: true, default: ['.'] },
    'no-build': { type: 'boolean', default: false },
    floor: { type: 'string', default: 'jspi' },
    port: { type: 'string', default: '4402' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const HERE = resolve(import.meta.dirname, '..');

function run(cmd: string, argv: readonly string[], cwd: string): void {
  const r = spawnSync(cmd, argv, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed in ${cwd}`);
}

function serve(argv: readonly string[], cwd: string): ChildProcess {
  // Its own process group, so that the server and the npx around it stop together.
  return spawn('npx', ['vite', 'preview', '--strictPort', '--host', '127.0.0.1', ...argv], {
    cwd,
    stdio: 'ignore',
    detached: true,
  });
}

/** Files worth a line in the breakdown: scripts, the runtime and the weights. */
const SHOWN = /\.(js|mjs|wasm|onnx)$/;

async function coldLoad(browser: Browser, label: string, url: string): Promise<StartupRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requests: { name: string; start: number; end: number }[] = [];
    const seen = new Map<string, number>();
    page.on('requestfinished', (request) => {
      const file = assetName(request.url());
      if (!SHOWN.test(file)) return;
      // A file asked for again (transformers.js reads some files twice) gets a line of its own.
      const count = (seen.get(file) ?? 0) + 1;
      seen.set(file, count);
      const name = count === 1 ? file : `${file} (${count})`;
      const t = request.timing();
      requests.push({ name, start: t.startTime, end: t.startTime + Math.max(t.responseEnd, 0) });
    });
    // The moment the header first says "models ready", on the page's clock (0 = navigation start).
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const status = document.querySelector('[data-testid="model-status"]');
        if (status?.textContent?.includes('models ready')) {
          document.documentElement.dataset['readyAt'] = String(performance.now());
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset['readyAt'], null, { timeout: 120_000 });
    const { readyAt, origin, pageMarks } = await page.evaluate(() => ({
      readyAt: Number(document.documentElement.dataset['readyAt']),
      origin: performance.timeOrigin,
      pageMarks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
    }));
    // The worker's marks are on its own clock: moved onto the page's through the two time origins.
    const marks = [...pageMarks];
    for (const worker of page.workers()) {
      const w = await worker.evaluate(() => ({
        origin: performance.timeOrigin,
        marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
      }));
      marks.push(...w.marks.map((m) => ({ name: m.name, at: m.at + w.origin - origin })));
    }
    return {
      label,
      readyMs: readyAt,
      requests: requests.map((r) => ({ name: r.name, startMs: r.start - origin, endMs: r.end - origin })),
      marks: marks.map((m) => ({ name: m.name, atMs: m.at })),
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (args.help) return void console.log(USAGE);
  const runs = Number(args.runs);
  const floors = args.floor === 'none' ? [] : args.floor.split(',');
  const apps = args.app.map((dir, i) => ({
    dir: resolve(dir),
    label: args.app.length === 1 ? 'app' : `app ${i + 1}`,
    url: `http://127.0.0.1:${Number(args.port) + i}`,
  }));
  const floorPort = Number(args.port) + apps.length;
  if (!args['no-build']) {
    for (const app of apps)
      run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', 'dist-startup'], app.dir);
    if (floors.length > 0)
      run(
        'npx',
        ['vite', 'build', '--logLevel', 'warn', '--config', 'scripts/startup-floor/vite.config.ts'],
        HERE,
      );
  }
  const servers = apps.map((app) =>
    serve(['--outDir', 'dist-startup', '--port', new URL(app.url).port], app.dir),
  );
  if (floors.length > 0)
    servers.push(
      serve(['--config', 'scripts/startup-floor/vite.config.ts', '--port', String(floorPort)], HERE),
    );
  const debian = '/usr/lib/chromium/chromium';
  const browser = await chromium.launch({
    ...(existsSync(debian) ? { executablePath: debian } : {}),
    // As in playwright.config.ts: no outbound connections to try.
    args: ['--disable-quic', '--no-sandbox', '--enable-unsafe-webgpu'],
  });
  const loadBefore = loadavg();
  try {
    const floor = `http://127.0.0.1:${floorPort}`;
    for (const app of apps) await waitForServer(app.url, 30_000);
    if (floors.length > 0) await waitForServer(floor, 30_000);
    const results: StartupRun[] = [];
    for (let i = 0; i < runs; i++) {
      for (const app of apps) results.push(await coldLoad(browser, app.label, `${app.url}/?backend=wasm`));
      for (const f of floors) {
        const [build, graph = 'optimized'] = f.split(':');
        const label = `floor (${build}${graph === 'optimized' ? '' : `, ${graph} graphs`})`;
        results.push(await coldLoad(browser, label, `${floor}/?runtime=${build}&graph=${graph}`));
      }
      process.stderr.write(`run ${i + 1}/${runs} done\n`);
    }
    const loadAfter = loadavg();
    const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
    if (apps.length > 1) for (const app of apps) console.log(`${app.label}: ${app.dir}`);
    console.log(
      `${runs} cold loads each, ${availableParallelism()} cores, load average ${load(loadBefore)} before, ${load(loadAfter)} after`,
    );
    console.log(formatStartup(results));
    if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
    for (const s of servers) if (s.pid) process.kill(-s.pid);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `error: ${e.message}` : e);
  process.exit(2);
});
