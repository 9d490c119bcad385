import { grownSession } from './grown-session';
import { expect, openReady, test } from './fixtures';

declare global {
  interface Window {
    __frameDeltas: number[];
    __growing: boolean;
  }
}

/** Nodes the tree must reach while frames are recorded (issue 6: "a 2,000-node tree growing"). */
const TARGET_NODES = 2_000;
/**
 * Five numbers and a wide, exploring MCTS: room for thousands of distinct steps. The real policy
 * also reads the 4-number positions one step down, so the search grows the tree on from the file.
 */
const SETUP =
  '?numbers=3,4,6,8,9&target=100&strategy=mcts&sims=512&k=32&c=10&seed=1&backend=wasm&stop=budget';
/** Nodes in the imported session: the live search adds the last few hundred while frames are timed. */
const IMPORTED_NODES = 1_700;

/** "N nodes" or "X of N nodes drawn": N, the last number before "nodes", is the whole tree. */
const TOTAL_NODES = /(\d+) nodes/;

/** The p-th percentile of sorted values, nearest rank. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/**
 * Frame times while an MCTS search on the embedded models grows a tree past 2,000 nodes: a
 * requestAnimationFrame loop records the gap between consecutive frames. The embedded models
 * cannot grow a tree that big from the root (see grown-session.ts), so the first 1,700 nodes come
 * from a session file; the page imports it and searches on from there, live, until the tree holds
 * 2,000 nodes. That last stretch is what is timed: the worker generating, the engine applying its
 * results, and the view laying out and drawing the 2,000-node tree as it grows.
 *
 * The figures are reported, not asserted: they depend on the machine (speed is measured, never
 * asserted as an absolute time in tests). What is asserted cannot depend on speed: the tree did
 * reach 2,000 nodes, and frames were recorded while it grew.
 */
test('records frame times while the tree grows past 2,000 nodes', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const session = await grownSession(SETUP, IMPORTED_NODES);
  await openReady(page, SETUP);
  await page.getByTestId('import-file').setInputFiles({
    name: 'grown-session.json',
    mimeType: 'application/json',
    buffer: session,
  });
  const count = page.getByTestId('tree-drawn-count');
  await expect(count).toContainText(/of \d{4} nodes drawn/, { timeout: 30_000 });
  await page.evaluate(
    ({ target }) => {
      window.__frameDeltas = [];
      window.__growing = true;
      // Found once: an attribute query per frame would itself cost a good part of a millisecond.
      const counter = document.querySelector('[data-testid="tree-drawn-count"]');
      const total = () => Number(/(\d+) nodes/.exec(counter?.textContent ?? '')?.[1] ?? 0);
      let last: number | undefined;
      const frame = (now: number) => {
        if (last !== undefined) window.__frameDeltas.push(now - last);
        last = now;
        if (total() >= target) window.__growing = false;
        if (window.__growing) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    { target: TARGET_NODES },
  );
  await page.getByTestId('btn-run').click();
  await page.waitForFunction(() => !window.__growing, undefined, { timeout: 90_000, polling: 250 });
  const deltas = await page.evaluate(() => window.__frameDeltas);
  await page.getByTestId('btn-pause').click();
  const totalNodes = Number(TOTAL_NODES.exec((await count.textContent()) ?? '')?.[1] ?? 0);

  const sorted = [...deltas].sort((a, b) => a - b);
  const figure = {
    frames: deltas.length,
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    p95Ms: Number(percentile(sorted, 95).toFixed(1)),
    maxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
    over20ms: deltas.filter((d) => d > 20).length,
    totalNodes,
  };
  testInfo.annotations.push({
    type: `frame times while the tree grows to ${TARGET_NODES} nodes`,
    description: JSON.stringify(figure),
  });
  console.log(`frame times while the tree grows to ${TARGET_NODES} nodes: ${JSON.stringify(figure)}`);
  expect(totalNodes).toBeGreaterThanOrEqual(TARGET_NODES);
  expect(deltas.length).toBeGreaterThan(0);
});
