import { drawnNodes, expect, openReady, test } from './fixtures';

test('presenter view: large type, the canvas and the lesson, the lesson moved by the keyboard', async ({
  page,
}) => {
  await openReady(page, '?backend=wasm');
  await page.getByTestId('btn-lesson').click();
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const fontSize = () => page.getByTestId('app').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await fontSize();

  await page.getByTestId('btn-presenter-view').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenter', 'true');
  expect(await fontSize()).toBeGreaterThanOrEqual(normal * 1.3);
  // Only the canvas and the lesson: the setup is a closed drawer, the inspector gives way to the lesson.
  await expect(page.getByTestId('input-numbers')).not.toBeInViewport();
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
  await expect(page.getByTestId('btn-setup')).toBeVisible();
  // Outside the presenter view the arrows are the timeline's again.
  await expect(step).toHaveAttribute('data-step-id', 'policy');
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('data-step-id', 'policy');
});

test('presenter view without the lesson: the header toggle, the inspector beside the canvas, Escape after a popover', async ({
  page,
}) => {
  await openReady(page, '?backend=wasm');
  const app = page.getByTestId('app');
  await page.getByTestId('btn-presenter-view').click();
  await expect(app).toHaveAttribute('data-presenter', 'true');
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await expect(page.getByTestId('lesson-hint')).toBeHidden();
  // With nothing to inspect the tree takes the whole width; choosing a node brings the inspector.
  await expect(page.getByTestId('node-inspector')).toBeHidden();
  const viewport = page.viewportSize();
  const canvas = await page.getByTestId('tree-view').boundingBox();
  expect(canvas?.width ?? 0).toBeGreaterThan(0.9 * (viewport?.width ?? 0));
  await page.getByTestId('tree-node').first().click();
  await expect(page.getByTestId('node-inspector')).toBeVisible();

  // Opening and closing the lesson leaves the presenter view on: it belongs to the page.
  await page.getByTestId('btn-lesson').click();
  await expect(page.getByTestId('node-inspector')).toBeHidden();
  await page.getByTestId('btn-lesson').click();
  await expect(app).toHaveAttribute('data-presenter', 'true');
  await page.getByTestId('tree-node').first().click();
  await expect(page.getByTestId('node-inspector')).toBeVisible();

  // An open popover takes the first Escape; the second leaves the presenter view (with the
  // lesson open, and without it).
  await page.getByTestId('btn-lesson').click();
  await page.getByTestId('shortcuts-help').click();
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toBeHidden();
  await expect(app).toHaveAttribute('data-presenter', 'true');
  await page.getByTestId('btn-lesson').click();
  await page.getByTestId('shortcuts-help').click();
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toBeHidden();
  await expect(app).toHaveAttribute('data-presenter', 'true');
  await page.keyboard.press('Escape');
  await expect(app).toHaveAttribute('data-presenter', 'false');
  await expect(page.getByTestId('btn-presenter-view')).toHaveAttribute('aria-pressed', 'false');
});
