import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { StoreApi } from 'zustand/vanilla';
import type { LearnState } from '../src/state/learn/learn-types';
import { drawnNodes, expect, test } from './fixtures';

declare global {
  interface Window {
    /** Set by learn-bench.html (src/bench/learn-bench-page.ts). */
    learnStore: StoreApi<LearnState>;
  }
}

/**
 * Learning in the page, for real: the Learn view's store and learn worker (learn-bench.html, the
 * store without the view) run a tiny round (self-play, training, measuring) on the embedded
 * models; the buffer and generations survive a reload; bad buffer files are refused without
 * touching the buffer; and the playground loads the learned pair from IndexedDB and searches.
 * One test in steps: each step reads what the one before stored in this context's IndexedDB.
 */

interface Seen {
  readonly phase: string;
  readonly records: number;
  readonly examples: number;
  readonly rounds: number[];
  readonly ids: string[];
  readonly backend: string | null;
  readonly error: string | null;
  readonly message: string | null;
}

async function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const s = window.learnStore.getState();
    return {
      phase: s.phase,
      records: s.buffer.records,
      examples: s.buffer.examples,
      rounds: s.generations.map((g) => g.round),
      ids: s.generations.map((g) => g.id),
      backend: s.backend,
      error: s.error,
      message: s.message,
    };
  });
}

async function openLearn(page: Page): Promise<void> {
  await page.goto('/learn-bench.html');
  await expect(page.locator('#state')).toHaveAttribute('data-restored', 'true', { timeout: 30_000 });
}

test('learning in the page: a round, a reload, refused files, the learned pair in the playground', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await test.step('a tiny round in the page fills the buffer and makes generation 1', () => tinyRound(page));
  await test.step('a reload keeps the buffer and the generations; a bad file changes nothing', () =>
    reloadAndRefuse(page));
  await test.step('a generation exports as a .tar of model folders that the eval CLI loads', () =>
    exportedFolders(page));
  await test.step('the playground loads a learned generation from its URL and searches with it', () =>
    playgroundSearch(page));
  await test.step('that saved search goes into the buffer as a session record, once', () =>
    savedSessions(page));
  await test.step('Start after a reload goes on from generation 1; a pause holds self-play', () =>
    resumeWithPause(page));
  await test.step('a generation whose weights are gone is refused with a message', () => weightsGone(page));
});

async function tinyRound(page: Page): Promise<void> {
  await openLearn(page);
  expect((await seen(page)).records).toBe(0);
  await page.evaluate(async () => {
    const store = window.learnStore.getState();
    store.setSettings({
      rounds: 1,
      puzzlesPerRound: 3,
      simulations: 4,
      epochs: 1,
      evalPuzzles: 3,
      measureSimulations: [4],
    });
    await store.start();
  });
  const s = await seen(page);
  expect(s.error).toBeNull();
  expect(s.phase).toBe('done');
  expect(s.backend).toMatch(/^WASM: /);
  expect(s.records).toBe(3);
  expect(s.examples).toBeGreaterThan(0);
  expect(s.rounds).toEqual([0, 1]);
}

async function reloadAndRefuse(page: Page): Promise<void> {
  const before = await seen(page);
  await openLearn(page);
  const after = await seen(page);
  expect(after.records).toBe(before.records);
  expect(after.examples).toBe(before.examples);
  expect(after.ids).toEqual(before.ids);
  const exported = () =>
    page.evaluate(async () => (await window.learnStore.getState().exportBuffer()).text());
  const buffer = await exported();
  expect(JSON.parse(buffer).records).toHaveLength(before.records);

  const refusals = await page.evaluate(async () => {
    const store = window.learnStore;
    const big = new Uint8Array(65 * 1024 * 1024).fill(32);
    const files = [
      new File(['{"format":"rlm-replay-buffer","version":1,"records":[{"round":'], 'corrupt.json'),
      new File(
        [JSON.stringify({ format: 'rlm-playground/session', version: 1, records: [] })],
        'foreign.json',
      ),
      new File([big], 'too-large.json'),
    ];
    const messages: string[] = [];
    for (const file of files) {
      await store.getState().importBuffer(file);
      messages.push(store.getState().message ?? '');
    }
    return messages;
  });
  expect(refusals[0]).toMatch(/^corrupt\.json was refused \(not JSON/);
  expect(refusals[1]).toMatch(/^foreign\.json was refused \(foreign: .*rlm-playground\/session/);
  expect(refusals[2]).toMatch(/^too-large\.json was refused \(too large: .*up to 64\.0 MB/);
  for (const m of refusals) expect(m).toMatch(/the buffer is unchanged\.$/);
  expect(await exported()).toBe(buffer);
  await openLearn(page);
  expect(await exported()).toBe(buffer);
}

async function playgroundSearch(page: Page): Promise<void> {
  await openLearn(page);
  const url = await page.evaluate(() => {
    const s = window.learnStore.getState();
    const last = s.generations.at(-1);
    return last ? s.playgroundUrl(last.id) : '';
  });
  expect(url).toMatch(/policy=learned-.+g1-policy/);
  const open = new URL(url, page.url());
  for (const [k, v] of Object.entries({ numbers: '1,2,4,7', target: '24', sims: '32', backend: 'wasm' }))
    open.searchParams.set(k, v);
  await page.goto(`${open.pathname}${open.search}`);
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 90_000 });
  await expect(page.getByTestId('models-loaded')).toContainText('Learned, generation 1');
  await expect(page.getByTestId('select-policy')).toHaveValue(/^learned-/);
  await page.getByTestId('speed').selectOption('0');
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText(/solved|32 \/ 32 simulations/, {
    timeout: 90_000,
  });
  expect((await drawnNodes(page)).length).toBeGreaterThan(1);
}

async function exportedFolders(page: Page): Promise<void> {
  const base64 = await page.evaluate(async () => {
    const s = window.learnStore.getState();
    const last = s.generations.at(-1);
    if (!last) return '';
    const blob = await s.exportGeneration(last.id);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  const dir = mkdtempSync(join(tmpdir(), 'learned-export-'));
  try {
    const tar = join(dir, 'generation.tar');
    writeFileSync(tar, Buffer.from(base64, 'base64'));
    const listed = execFileSync('tar', ['tf', tar], { encoding: 'utf8' });
    for (const name of ['countdown-policy', 'countdown-value'])
      for (const file of ['config.json', 'tokenizer.json', 'onnx/model.onnx', 'MODEL_CARD.md'])
        expect(listed).toContain(`${name}/${file}`);
    execFileSync('tar', ['xf', tar, '-C', dir]);
    const puzzles = join(dir, 'one.jsonl');
    writeFileSync(puzzles, '{"numbers":[1,2,4,7],"target":24}\n');
    const report = execFileSync(
      'npx',
      [
        'tsx',
        'scripts/eval.ts',
        '--puzzles',
        puzzles,
        '--models',
        dir,
        '--dtype',
        'fp32',
        '--simulations',
        '8',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(report).toMatch(/mcts +8 sims.* [01]\/1 /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function savedSessions(page: Page): Promise<void> {
  await openLearn(page);
  const before = await seen(page);
  // The playground saves a search within a second of its last operator (autosave).
  await expect
    .poll(
      async () =>
        page.evaluate(async () => {
          await window.learnStore.getState().addSavedSessions();
          return window.learnStore.getState().buffer.records;
        }),
      { timeout: 15_000 },
    )
    .toBe(before.records + 1);
  // Adding again finds it there already.
  await page.evaluate(() => window.learnStore.getState().addSavedSessions());
  expect((await seen(page)).message).toMatch(/^Added 0 saved searches to the buffer \(1 already there\)/);
  expect((await seen(page)).records).toBe(before.records + 1);
  const sources = await page.evaluate(async () => {
    const text = await (await window.learnStore.getState().exportBuffer()).text();
    return (JSON.parse(text) as { records: { source: string; round: number }[] }).records.map(
      (r) => `${r.source}:${r.round}`,
    );
  });
  expect(sources.filter((s) => s === 'session:0')).toHaveLength(1);
  expect(await page.evaluate(() => window.learnStore.getState().buffer.byRound[0])).toBe(1);
}

async function resumeWithPause(page: Page): Promise<void> {
  await openLearn(page);
  const before = await seen(page);
  // The newest generation's settings come back, so generation 2 is measured like generation 1.
  expect(await page.evaluate(() => window.learnStore.getState().settings.evalPuzzles)).toBe(3);
  // Enough work that the pause comes while self-play is still going (16 simulations a puzzle).
  await page.evaluate(() => {
    window.learnStore.getState().setSettings({ puzzlesPerRound: 6, simulations: 16 });
    void window.learnStore.getState().start();
  });
  await expect
    .poll(() => page.evaluate(() => window.learnStore.getState().progress?.text ?? ''), {
      timeout: 60_000,
      intervals: [50],
    })
    .toMatch(/^Self-play, round 2/);
  await page.evaluate(() => window.learnStore.getState().pause());
  await expect.poll(async () => (await seen(page)).phase).toBe('paused');
  const held = (await seen(page)).records;
  // Held: nothing more is played while paused (a puzzle already started when the pause came may end).
  await page.waitForTimeout(2000);
  expect((await seen(page)).records).toBe(held);
  expect(held).toBeLessThan(before.records + 6);
  await page.evaluate(() => window.learnStore.getState().resume());
  await expect.poll(async () => (await seen(page)).phase, { timeout: 120_000 }).toBe('done');
  const after = await seen(page);
  expect(after.error).toBeNull();
  expect(after.rounds).toEqual([0, 1, 2]);
  expect(after.records).toBe(before.records + 6);
}

async function weightsGone(page: Page): Promise<void> {
  await openLearn(page);
  const url = await page.evaluate(async () => {
    const s = window.learnStore.getState();
    const last = s.generations.at(-1);
    const address = last ? s.playgroundUrl(last.id) : '';
    await s.clearGenerations();
    return address;
  });
  expect((await seen(page)).rounds).toEqual([]);
  await page.goto(url);
  await expect(page.getByTestId('error')).toContainText(
    /the weights of generation 2 \(.+\) are not in this browser's storage/,
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-status', 'error');
}
