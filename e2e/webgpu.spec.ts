import { drawnNodes, expect, openReady, test } from './fixtures';

// Headless Chromium gives a WebGPU adapter through SwiftShader (--enable-unsafe-webgpu, see
// playwright.config.ts): 30-50x slower than WASM, so this checks correctness only, with time to spare.
test('runs the same search on WebGPU and reports the backend and why', async ({ page }) => {
  test.setTimeout(240_000);
  await openReady(
    page,
    '?numbers=1,2,4,7&target=24&strategy=mcts&sims=32&k=8&seed=1&backend=webgpu',
    180_000,
  );
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU adapter');
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('solved', { timeout: 180_000 });
  const nodes = await drawnNodes(page);
  expect(nodes.some((n) => n.state === 'terminal-solved')).toBe(true);
  // Slow shader compiles and passes on SwiftShader must not pass for a lost worker.
  await expect(page.getByTestId('worker-note')).toHaveCount(0);
});
