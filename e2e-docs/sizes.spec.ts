import { expect, openReady, test } from '../e2e/fixtures';

/**
 * The README's pictures of the playground at the sizes a lecturer meets (`npm run docs:screenshots`,
 * written to docs/screens/): a solved 32-simulation MCTS search with a node selected, and the
 * presenter view at projector sizes.
 */
const SIZES = [
  [1024, 768],
  [1280, 720],
  [1440, 900],
  [1920, 1080],
  [390, 844],
] as const;

const SEARCH = '?numbers=1,8,10,11&target=24&sims=32&seed=1&backend=wasm&stop=budget';

for (const [width, height] of SIZES) {
  test(`playground at ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openReady(page, SEARCH);
    await page.getByTestId('btn-run').click();
    await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', {
      timeout: 120_000,
    });
    // The solved node selected, so the inspector shows its path and its siblings' PUCT scores.
    await page.locator('[data-testid="tree-node"][data-state="terminal-solved"]').first().click();
    // The pointer leaves the tree, so that the node's hover card does not cover the picture.
    await page.mouse.move(width - 2, height - 2);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `docs/screens/${width}x${height}.png` });
  });
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`presenter view at ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openReady(page, `${SEARCH}&presenter=1`);
    await page.getByTestId('btn-run').click();
    await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', {
      timeout: 120_000,
    });
    await page.waitForTimeout(600);
    await page.screenshot({ path: `docs/screens/presenter-${width}x${height}.png` });
  });
}

test('a crowded tree (190 nodes) at 1280x720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openReady(page, '?numbers=1,8,10,11&target=23&sims=64&seed=1&backend=wasm&stop=budget');
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await page.getByTestId('btn-fit').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'docs/screens/crowded-1280x720.png' });
});
