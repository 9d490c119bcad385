import { drawnNodes, expect, openReady, test } from './fixtures';

declare global {
  // Set in the model worker by this test: the device ONNX Runtime asked for.
  var __e2eDevice: GPUDevice | undefined;
}

/**
 * The WebGPU device under the models is lost (here destroyed, as a driver reset would): the
 * worker reports it, the page replaces the worker, the models load on a new device and the search
 * goes on. SwiftShader's WebGPU is slow, so the search is small and the timeouts generous.
 */
test('a lost WebGPU device: the worker is replaced, the models come back and the search goes on', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openReady(
    page,
    '?numbers=1,2,4,7&target=24&strategy=mcts&sims=6&k=4&seed=1&backend=wasm&stop=budget',
  );
  const worker = page.workers().find((w) => w.url().includes('worker'));
  if (!worker) throw new Error('no model worker');
  // Catch the device ONNX Runtime will ask the adapter for, before WebGPU is chosen.
  await worker.evaluate(() => {
    const request = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, ...args) {
      const device = await request.apply(this, args);
      globalThis.__e2eDevice = device;
      return device;
    };
  });
  await page.getByTestId('select-backend').selectOption('webgpu');
  await expect(page.getByTestId('backend')).toHaveText('webgpu', { timeout: 180_000 });
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 180_000 });
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 6 simulations', { timeout: 120_000 });

  const destroyed = await worker.evaluate(() => {
    if (!globalThis.__e2eDevice) return false;
    globalThis.__e2eDevice.destroy();
    return true;
  });
  expect(destroyed, 'the test caught the device ONNX Runtime uses').toBe(true);
  await expect(page.getByTestId('worker-note')).toContainText('WebGPU device was lost', { timeout: 30_000 });
  await expect(page.getByTestId('worker-note')).toHaveAttribute('data-state', 'restored', {
    timeout: 180_000,
  });
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('6 / 6 simulations', { timeout: 180_000 });
  expect((await drawnNodes(page)).length).toBeGreaterThan(1);
  await expect(page.getByTestId('error')).toHaveCount(0);
});
