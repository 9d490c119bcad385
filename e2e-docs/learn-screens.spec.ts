import { expect, test } from '../e2e/fixtures';

/**
 * The Learn view's pictures (`npm run docs:screenshots`, written to docs/screens/learn-*.png):
 * a real two-round run from the shipped policy without a value model, small enough to finish in a
 * few minutes, then the whole page at the sizes a lecturer meets and the presenter view.
 */
const SIZES = [
  [1024, 768],
  [1280, 720],
  [1440, 900],
  [390, 844],
] as const;

const RUN = [
  ['learn-rounds', '2'],
  ['learn-puzzles', '30'],
  ['learn-simulations', '8'],
  ['learn-epochs', '2'],
  ['learn-eval', '10'],
] as const;

test('the Learn view after a two-round run', async ({ page }) => {
  test.setTimeout(1_200_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?learn=1');
  for (const [id, value] of RUN) await page.getByTestId(id).fill(value);
  await page.getByTestId('btn-learn-start').click();
  await expect(page.getByTestId('learn-phase')).toHaveAttribute('data-phase', 'done', { timeout: 1_100_000 });
  await expect(page.getByTestId('generation-line')).toHaveCount(3);
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(400);
    await page.screenshot({ path: `docs/screens/learn-${width}x${height}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('btn-learn-presenter').click();
  await page.getByTestId('learn-intro').locator('summary').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screens/learn-presenter-1920x1080.png' });
});
