import type { Page } from '@playwright/test';
import { expect, openReady, test } from './fixtures';

/**
 * Auto and a software WebGPU adapter. The default launch (playwright.config.ts,
 * --enable-unsafe-webgpu) gives headless Chromium one WebGPU adapter: SwiftShader. Without any
 * adapter at all, see backend-fallback.spec.ts.
 */
const SETUP = '?numbers=1,2,4,7&target=24&strategy=mcts&seed=1';

test('auto runs on WASM, not on SwiftShader, and says why', async ({ page }) => {
  await openReady(page, `${SETUP}&sims=64&backend=auto`);
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText('WebGPU here is a software renderer (SwiftShader)');
  await expect(reason).toContainText('running on WASM, which is faster');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('solved', { timeout: 60_000 });
});

/**
 * SwiftShader passed off as a hardware adapter in the model worker (its script rewritten on the
 * way in): auto then times both backends on the embedded policy and says what it measured. Which
 * one wins is a matter of speed, not asserted; the backend shown must be the one the reason names.
 */
async function pretendHardware(page: Page): Promise<void> {
  const patch = `Object.defineProperty(GPUAdapter.prototype, 'info', { configurable: true, get: () => ({
    vendor: 'e2e', architecture: 'pretend-hardware', device: '', description: '', isFallbackAdapter: false }) });\n`;
  await page.context().route(/\/assets\/model-worker-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: patch + (await response.text()) });
  });
}
const MEASURED = /^WASM [\d.]+ ms vs WebGPU [\d.]+ ms per pass on the embedded policy.*: (WASM|WebGPU)/;

test('auto on a hardware adapter times both backends, picks one, and remembers it', async ({ page }) => {
  test.setTimeout(240_000);
  await pretendHardware(page);
  await openReady(page, `${SETUP}&backend=auto&sims=4`, 180_000);
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toHaveText(MEASURED);
  const winner = (await reason.textContent())?.match(MEASURED)?.[1];
  await expect(page.getByTestId('backend')).toHaveText(winner === 'WebGPU' ? 'webgpu' : 'wasm');
  await expect(reason).not.toContainText('measured earlier');

  // A reload (a new worker) reads the result back instead of timing again.
  await page.reload();
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 180_000 });
  await expect(reason).toContainText('measured earlier on this adapter');
  await expect(reason).toHaveText(MEASURED);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 4', { timeout: 120_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);
});
