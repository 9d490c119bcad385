import { expect, openReady, test } from './fixtures';

declare global {
  interface Window {
    __longTasks: number[];
  }
}

/**
 * The main thread during a 64-simulation search on WASM: every long task (over 50 ms) is
 * recorded by a PerformanceObserver. The figure is reported, not asserted: timings depend on
 * the machine (speed is measured, never asserted as an absolute time in tests).
 */
test('records the main-thread long tasks of a 64-simulation search', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await openReady(
    page,
    '?numbers=13,12,8,3&target=73&strategy=mcts&sims=64&k=16&seed=1&backend=wasm&stop=budget',
  );
  await page.evaluate(() => {
    window.__longTasks = [];
  });
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('64 / 64', { timeout: 150_000 });
  const tasks = await page.evaluate(() => window.__longTasks);
  const nodes = await page.getByTestId('tree-node').count();
  const figure = {
    longTasks: tasks.length,
    maxMs: Math.round(Math.max(0, ...tasks)),
    over100ms: tasks.filter((d) => d > 100).length,
    drawnNodes: nodes,
  };
  testInfo.annotations.push({
    type: 'long tasks during 64 simulations',
    description: JSON.stringify(figure),
  });
  console.log(`long tasks during a 64-simulation search: ${JSON.stringify(figure)}`);
  expect(nodes).toBeGreaterThan(64);
});
