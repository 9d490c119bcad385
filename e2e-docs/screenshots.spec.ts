import type { Page } from '@playwright/test';
import { expect, openReady, test } from '../e2e/fixtures';

/** The README's pictures of the lesson, the presenter view and the compare view. */
test.use({ viewport: { width: 1600, height: 900 } });

async function lessonTo(page: Page, id: string): Promise<void> {
  const step = page.getByTestId('lesson-step');
  while ((await step.getAttribute('data-step-id')) !== id) {
    await page.getByTestId('btn-lesson-next').click();
    await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  }
}

test('lesson and presenter view', async ({ page }) => {
  await openReady(page, '?backend=wasm');
  await page.getByTestId('btn-lesson').click();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await lessonTo(page, 'select');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot-lesson.png' });

  await lessonTo(page, 'scaling');
  await page.getByTestId('btn-presenter-view').click();
  await page.getByTestId('btn-lesson-scaling').click();
  await expect(page.getByTestId('lesson-scaling')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  await page.getByTestId('btn-fit').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot-presenter.png' });
});

test('compare view', async ({ page }) => {
  await page.goto('/?numbers=1,8,10,11&target=24&seed=1&backend=wasm&compare=mcts,cot');
  for (const column of await page.getByTestId('compare-column').all()) {
    await expect(column.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  }
  await page.getByTestId('btn-compare-run').click();
  for (const column of await page.getByTestId('compare-column').all()) {
    await expect(column).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot-compare.png' });
});
