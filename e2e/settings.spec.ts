import { expect, openReady, test } from './fixtures';

// The setup is docked from 1600 px (a drawer below): these tests look at the panel itself.
test.use({ viewport: { width: 1920, height: 1080 } });

const SETUP = '?numbers=1,8,10,11&target=24&sims=32&seed=1&backend=wasm';

test('the strategy settings are controls with their value and a line on what each does, above the models', async ({
  page,
}) => {
  await openReady(page, SETUP);
  const strategy = await page.getByTestId('strategy-panel').boundingBox();
  const models = await page.locator('#model-panel-title').boundingBox();
  expect(strategy && models && strategy.y < models.y).toBe(true);
  // Near the top: the exploration constant is on the first screen of the setup.
  const c = await page.getByTestId('setting-c').boundingBox();
  expect(c && c.y + c.height).toBeLessThanOrEqual(1080);

  // Each setting of MCTS: its value, and one line on what it does here.
  await expect(page.getByTestId('explain-strategy')).toContainText('select by Q + exploration');
  await expect(page.getByTestId('input-sims')).toHaveValue('32');
  await expect(page.getByTestId('explain-sims')).toContainText('this many times');
  await expect(page.getByTestId('explain-c')).toContainText('Q + c·P·√N(parent) / (1 + N)');
  await expect(page.getByTestId('explain-k')).toContainText('identical samples merge into one child');
  await expect(page.getByTestId('explain-temperature')).toContainText('softmax(logits / T)');
  await expect(page.getByTestId('explain-selection')).toContainText("policy's prior P");
  await expect(page.getByTestId('explain-stop')).toContainText('as soon as the verifier accepts');
  await expect(page.getByTestId('explain-seed')).toContainText('same tree');

  // A slider writes the value shown in its box, and the URL follows.
  await page.getByTestId('slider-c').fill('2.5');
  await expect(page.getByTestId('input-c')).toHaveValue('2.5');
  await expect(page).toHaveURL(/[?&]c=2\.5(&|$)/);
  await page.getByTestId('slider-k').fill('4');
  await expect(page.getByTestId('input-k')).toHaveValue('4');
  await page.getByTestId('slider-temperature').fill('0.7');
  await expect(page.getByTestId('input-temperature')).toHaveValue('0.7');
  // The box moves the slider too, and takes values past the slider's end.
  await page.getByTestId('input-sims').fill('400');
  await expect(page.getByTestId('slider-sims')).toHaveValue('256');
  await expect(page.getByTestId('input-sims')).toHaveValue('400');

  // UCT: the selection and exploration lines follow the rule chosen.
  await page.getByTestId('select-selection').selectOption('uct');
  await expect(page.getByTestId('explain-selection')).toContainText('prior P is ignored');
  await expect(page.getByTestId('explain-c')).toContainText('Q + c·√(ln N(parent) / N)');

  await page.getByTestId('input-stop').selectOption('budget');
  await expect(page).toHaveURL(/[?&]stop=budget(&|$)/);
  await expect(page.getByTestId('explain-stop')).toContainText('whole budget');

  await page.getByTestId('setting-seed').getByRole('button', { name: 'Seed + 1' }).click();
  await expect(page.getByTestId('input-seed')).toHaveValue('2');
  await expect(page).toHaveURL(/[?&]seed=2(&|$)/);

  // The search runs on what the controls say.
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 400');
});

test('the hub address and the download sizes fold under Advanced, closed until opened', async ({ page }) => {
  await openReady(page, SETUP);
  const advanced = page.getByTestId('models-advanced');
  await expect(advanced).not.toHaveAttribute('open');
  await expect(page.getByTestId('input-hub')).toBeHidden();
  await expect(page.getByTestId('model-sizes')).toBeHidden();
  await advanced.locator('summary').click();
  await expect(page.getByTestId('input-hub')).toBeVisible();
  await expect(page.getByTestId('model-sizes')).toBeVisible();
  await expect(page.getByTestId('input-hub')).toHaveValue('https://huggingface.co');
});

test('a bad hub address in the URL opens Advanced to show its message', async ({ page }) => {
  await page.goto(`/${SETUP}&hub=ftp%3A%2F%2Fexample`);
  await expect(page.getByTestId('models-advanced')).toHaveAttribute('open');
  await expect(page.getByTestId('error-hub')).toBeVisible();
  await expect(page.getByTestId('error-hub')).toContainText('not an http(s) address');
});
