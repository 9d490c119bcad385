import { expect, test } from '@playwright/test';

test('the page loads and renders the app', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'RLM Playground' })).toBeVisible();
  expect(errors).toEqual([]);
});
