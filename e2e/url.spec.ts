import { expect, openReady, test } from './fixtures';

test('a URL opens exactly its setup, and the URL follows every change', async ({ page }) => {
  await openReady(
    page,
    '?task=countdown&numbers=1,2,4,7&target=24&strategy=beam&sims=3&k=5&temp=0.8&seed=9&backend=wasm',
  );
  await expect(page.getByTestId('input-numbers')).toHaveValue('1,2,4,7');
  await expect(page.getByTestId('input-target')).toHaveValue('24');
  await expect(page.getByTestId('select-strategy')).toHaveValue('beam');
  await expect(page.getByTestId('input-sims')).toHaveValue('3');
  await expect(page.getByTestId('input-seed')).toHaveValue('9');
  await page.getByTestId('input-numbers').fill('2,5,8,11');
  await page.getByTestId('select-strategy').selectOption('mcts');
  await expect(page).toHaveURL(/numbers=2,5,8,11/);
  await expect(page).toHaveURL(/strategy=mcts/);
  const url = page.url();
  await page.reload();
  await expect(page.getByTestId('input-numbers')).toHaveValue('2,5,8,11');
  await expect(page.getByTestId('select-strategy')).toHaveValue('mcts');
  expect(page.url()).toBe(url);
});

test('invalid numbers in the URL or the panel get a message and never start a search', async ({ page }) => {
  await openReady(page, '?numbers=4,5,x&target=24&backend=wasm');
  await expect(page.getByTestId('error-numbers')).toContainText('"x"');
  await expect(page.getByTestId('btn-run')).toBeDisabled();
  await expect(page.getByTestId('tree-node')).toHaveCount(0);
  await page.getByTestId('input-numbers').fill('1,1,1,1');
  await expect(page.getByTestId('error-target')).toContainText('unsolvable');
  await expect(page.getByTestId('btn-run')).toBeDisabled();
  await page.getByTestId('input-numbers').fill('4,5,6,10');
  await expect(page.getByTestId('error-target')).toHaveCount(0);
  await expect(page.getByTestId('btn-run')).toBeEnabled();
  await expect(page.getByTestId('tree-node')).toHaveCount(1);
});
