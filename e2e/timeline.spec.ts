import { drawnNodes, expect, node, openReady, test, type DrawnNode } from './fixtures';
import type { Page } from '@playwright/test';

const SETUP = '?numbers=3,4,4,13&target=24&strategy=mcts&sims=32&seed=3&backend=wasm&stop=budget';

/**
 * The drawn tree once it shows the store's latest version. The inspector (kept on the root)
 * re-renders on every version while the tree view redraws at most every 150 ms; every simulation
 * adds to the root's N, so when the drawn root's visits match the inspector's N the drawing is current.
 */
async function settledNodes(page: Page, rootId: string): Promise<DrawnNode[]> {
  const n = await page
    .getByTestId('inspector-stats')
    .locator('dt', { hasText: /^N$/ })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
  await expect(node(page, rootId)).toHaveAttribute('data-visits', n ?? '');
  return drawnNodes(page);
}

test('the timeline goes back, Step forks a new history, and the seed replays it', async ({ page }) => {
  await openReady(page, SETUP);
  const slider = page.getByTestId('timeline-slider');
  const status = page.getByTestId('search-status');
  const past = page.getByTestId('timeline-past');
  await expect(slider).toBeDisabled();
  const [root] = await drawnNodes(page);
  if (!root) throw new Error('no root drawn');
  await node(page, root.id).click();
  await expect(page.getByTestId('node-inspector')).toHaveAttribute('aria-label', `Node ${root.id}`);

  const trees: DrawnNode[][] = [];
  const lasts: number[] = [];
  for (let i = 1; i <= 3; i++) {
    await page.getByTestId('btn-step').click();
    await expect(status).toContainText(`${i} / 32`);
    trees[i] = await settledNodes(page, root.id);
    lasts[i] = Number(await slider.getAttribute('max'));
    await expect(slider).toHaveValue(String(lasts[i]));
  }
  const [, one = [], two = [], three = []] = trees;
  const [, last1 = 0, last2 = 0, last3 = 0] = lasts;
  expect(one.length).toBeLessThan(three.length);
  expect(last1).toBeLessThan(last2);
  expect(last2).toBeLessThan(last3);
  await expect(past).toHaveCount(0);

  // Back to the end of the first simulation: the tree as it was, the later history still there.
  await slider.fill(String(last1));
  await expect(past).toBeVisible();
  await expect(slider).toHaveValue(String(last1));
  await expect(slider).toHaveAttribute('max', String(last3));
  await expect(page.getByTestId('timeline')).toContainText(`step ${last1} / ${last3}`);
  await expect.poll(() => drawnNodes(page)).toEqual(one);
  // The slider answers the arrow keys itself (the window's timeline shortcut leaves inputs alone).
  await slider.press('ArrowRight');
  await expect(slider).toHaveValue(String(last1 + 1));
  await slider.press('ArrowLeft');
  await expect(slider).toHaveValue(String(last1));
  await expect.poll(() => drawnNodes(page)).toEqual(one);

  // Step from the past forks: the history after the cursor is dropped, then grows again.
  await page.getByTestId('btn-step').click();
  await expect(past).toHaveCount(0);
  await expect(status).toContainText('2 / 32');
  await expect(slider).toHaveAttribute('max', String(last2));
  await expect(slider).toHaveValue(String(last2));
  // The same seed, the same operators: the fork replays the history it replaced.
  expect(await settledNodes(page, root.id)).toEqual(two);
  await page.getByTestId('btn-step').click();
  await expect(status).toContainText('3 / 32');
  await expect(slider).toHaveAttribute('max', String(last3));
  expect(await settledNodes(page, root.id)).toEqual(three);
});
