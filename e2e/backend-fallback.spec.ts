import { existsSync } from 'node:fs';
import { expect, openReady, test } from './fixtures';

// The browser of playwright.config.ts, without --enable-unsafe-webgpu: headless Chromium then keeps
// navigator.gpu but its requestAdapter() resolves null, in the page and in the models' worker alike.
const debianChromium = '/usr/lib/chromium/chromium';
test.use({
  launchOptions: {
    ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
    args: ['--disable-quic', '--no-sandbox'],
  },
});

test('WebGPU asked for but not there: the error says why and offers WASM, which then solves', async ({
  page,
}) => {
  await page.goto('/?numbers=1,2,4,7&target=24&strategy=mcts&sims=64&seed=1&backend=webgpu');
  const error = page.getByTestId('error');
  await expect(error).toContainText('WebGPU was asked for', { timeout: 30_000 });
  await expect(error).toContainText('no adapter');
  const modelStatus = page.getByTestId('model-status');
  await expect(modelStatus).toHaveAttribute('data-status', 'error');
  await expect(modelStatus).toContainText('models error: WebGPU was asked for');
  await expect(page.getByTestId('backend')).toHaveText('');
  await expect(page.getByTestId('btn-run')).toBeDisabled();
  await expect(page.getByTestId('tree-empty')).toBeVisible();

  const useWasm = page.getByTestId('btn-use-wasm');
  await expect(useWasm).toBeVisible();
  await useWasm.click();
  await expect(modelStatus).toContainText('ready', { timeout: 60_000 });
  await expect(modelStatus).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('tree-node')).toHaveCount(1);

  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('solved', { timeout: 60_000 });
});

test('auto falls back to WASM by itself and says why', async ({ page }) => {
  await openReady(page, '?numbers=1,2,4,7&target=24&strategy=mcts&sims=64&seed=1&backend=auto');
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  await expect(page.getByTestId('backend-reason')).toContainText('no adapter');
  await expect(page.getByTestId('backend-reason')).toContainText('running on WASM');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('btn-use-wasm')).toHaveCount(0);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 64');
});
