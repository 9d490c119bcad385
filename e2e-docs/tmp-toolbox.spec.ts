import { expect, openReady, test } from '../e2e/fixtures';
for (const [width, height] of [[1024, 768], [1280, 720], [1440, 900], [390, 844]] as const) {
  test(`panel ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openReady(page, '?numbers=4,5,6,10&target=24&strategy=mcts&sims=32&seed=2&solver=on&backend=wasm&stop=budget');
    await page.getByTestId('btn-run').click();
    await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    await page.mouse.move(width - 2, height - 2);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots/tree-${width}x${height}.png` });
    await page.getByTestId('btn-setup').click();
    await page.getByTestId('strategy-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/shots/panel-${width}x${height}.png` });
    await page.getByTestId('btn-setup').click();
    await page.locator('[data-testid="tree-node"][data-state="proven-failed"]').first().click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `/tmp/shots/proven-${width}x${height}.png` });
  });
}
