import { expect, openReady, test } from './fixtures';

test('the shortcut help and the sessions list close on Escape and on a click elsewhere', async ({ page }) => {
  await openReady(page, '?backend=wasm&numbers=4,5,6,10&target=24&sims=8&seed=1');
  const help = page.getByTestId('shortcuts');
  await page.getByTestId('shortcuts-help').click();
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.getByTestId('shortcuts-help').click();
  await expect(help).toBeVisible();
  await page.getByTestId('phase-note').click();
  await expect(help).toBeHidden();

  const sessions = page.getByTestId('sessions-panel');
  await page.getByTestId('btn-sessions').click();
  await expect(sessions).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sessions).toHaveCount(0);
  await page.getByTestId('btn-sessions').click();
  await expect(sessions).toBeVisible();
  await page.getByTestId('phase-note').click();
  await expect(sessions).toHaveCount(0);
  // Its own button still toggles it.
  await page.getByTestId('btn-sessions').click();
  await expect(sessions).toBeVisible();
  await page.getByTestId('btn-sessions').click();
  await expect(sessions).toHaveCount(0);
});
