import { drawnNodes, expect, openReady, test } from './fixtures';

test('presenter view: large type, a clean canvas, the lesson moved by the keyboard', async ({ page }) => {
  await openReady(page, '?backend=wasm');
  await page.getByTestId('btn-lesson').click();
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const fontSize = () => page.getByTestId('app').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await fontSize();

  await page.getByTestId('btn-presenter').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenter', 'true');
  expect(await fontSize()).toBeGreaterThanOrEqual(normal * 1.3);
  // Only the canvas and the lesson: the setup panels and the inspector are gone.
  await expect(page.locator('.app-setup')).toBeHidden();
  await expect(page.getByTestId('node-inspector')).toBeHidden();
  await expect(page.getByTestId('tree-view')).toBeVisible();
  // High contrast: light text on a black page.
  const colours = await page
    .getByTestId('app')
    .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);

  // → and Page Down go forward (driving the search), ← and Page Up back; the timeline keeps still.
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-step-id', 'policy');
  await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect((await drawnNodes(page)).length).toBeGreaterThan(1);
  await page.keyboard.press('PageDown');
  await expect(step).toHaveAttribute('data-step-id', 'value');
  await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const nodes = (await drawnNodes(page)).length;
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('data-step-id', 'policy');
  expect((await drawnNodes(page)).length).toBe(nodes);
  await expect(page.getByTestId('timeline')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenter', 'false');
  await expect(page.locator('.app-setup')).toBeVisible();
  // Outside the presenter view the arrows are the timeline's again.
  await expect(step).toHaveAttribute('data-step-id', 'policy');
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('data-step-id', 'policy');
});
