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

test('unusable URL values get a message and keep their defaults; the page opens ready to search', async ({
  page,
}) => {
  const query = new URLSearchParams({
    sims: '100000000',
    k: 'abc',
    temp: 'NaN',
    seed: 'NaN',
    c: '-1',
    strategy: 'astar',
    selection: '<script>window.__pwned = true</script>',
    // Past the app's 2,000 characters, within what the server reads (Node: 16 KB of headers).
    numbers: '1,'.repeat(1100),
    policy: 'x'.repeat(2500),
    backend: 'wasm',
  });
  await openReady(page, `?${query.toString()}`);
  const kept: [field: string, input: string, value: string, message: RegExp][] = [
    [
      'sims',
      'input-sims',
      '64',
      /sims=100000000 in the URL is not usable \(a whole number from 1 to 512\): the default 64 is kept/,
    ],
    ['k', 'input-k', '16', /k=abc .*the default 16 is kept/],
    ['temperature', 'input-temperature', '1.3', /temp=NaN .*a number from 0 to 3/],
    ['seed', 'input-seed', '1', /seed=NaN .*the default 1 is kept/],
    ['c', 'input-c', '1', /c=-1 .*a number from 0 to 10\): the default 1 is kept/],
    [
      'numbers',
      'input-numbers',
      '1,8,10,11',
      /numbers in the URL is 2,200 characters long \(at most 2,000\)/,
    ],
  ];
  for (const [field, input, value, message] of kept) {
    await expect(page.getByTestId(input), field).toHaveValue(value);
    await expect(page.getByTestId(`error-${field}`), field).toContainText(message);
  }
  await expect(page.getByTestId('select-strategy')).toHaveValue('mcts');
  await expect(page.getByTestId('error-strategy')).toContainText('unknown strategy "astar"');
  await expect(page.getByTestId('error-selection')).toContainText(
    'unknown selection "<script>window.__pwned = true</script>"',
  );
  await expect(page.getByTestId('error-policy')).toContainText('2,500 characters long');
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  // The URL now names the defaults in use, and the search runs on them.
  await expect(page).toHaveURL(/sims=64&/);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 64');
  // A field set anew drops the URL's message about it.
  await page.getByTestId('input-sims').fill('8');
  await expect(page.getByTestId('error-sims')).toHaveCount(0);
  await expect(page.getByTestId('error-k')).toBeVisible();
});
