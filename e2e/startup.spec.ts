import { expect, openReady, test } from './fixtures';

/**
 * What the start-up's speed rests on (npm run bench:startup measures it; no time is asserted here):
 * the runtime build, the graphs the WASM backend loads, one request per file, and the headers the
 * server sends (config/preview-headers.ts).
 */
const SETUP = '?numbers=1,2,4,7&target=24&strategy=mcts&sims=8&seed=1&backend=wasm';

test('WASM loads the JSPI runtime and the pre-optimized graphs, each file asked for once', async ({
  page,
  request,
}) => {
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await openReady(page, SETUP);
  await expect(page.getByTestId('backend')).toHaveText('wasm');

  // Chromium has JSPI: one build for WASM and WebGPU, some 10 MB smaller than asyncify's.
  const runtime = asked.filter((p) => p.endsWith('.wasm'));
  expect(runtime).toEqual([expect.stringMatching(/\/ort-wasm-simd-threaded\.jspi-[\w-]+\.wasm$/)]);
  expect(asked.filter((p) => p.endsWith('.onnx')).sort()).toEqual([
    '/models/countdown-policy/onnx/model_optimized.onnx',
    '/models/countdown-value/onnx/model_optimized.onnx',
  ]);
  const modelFiles = asked.filter((p) => p.startsWith('/models/'));
  expect(modelFiles.length).toBeGreaterThan(0);
  expect(
    modelFiles.filter((p, i) => modelFiles.indexOf(p) !== i),
    'asked for twice',
  ).toEqual([]);

  // The embedded models' files stay out of Cache Storage (a new version of the app brings its own).
  const stored = await page.evaluate(async () =>
    (await (await caches.open('transformers-cache')).keys()).map((r) => new URL(r.url).pathname),
  );
  expect(stored.filter((p) => p.startsWith('/models/'))).toEqual([]);

  // The weights go as they are (not gzipped on the fly as text); the hashed runtime may be kept for good.
  const weights = await request.get('/models/countdown-policy/onnx/model_optimized.onnx', {
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  expect(weights.headers()['content-type']).toBe('application/octet-stream');
  expect(weights.headers()['content-encoding']).toBeUndefined();
  const wasm = await request.head(runtime[0] ?? '');
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['cache-control']).toContain('immutable');
});

test('a worker started on WASM runs WebGPU next (one runtime build for both)', async ({ page }) => {
  // SwiftShader compiles its shaders for seconds: correctness only, with time to spare.
  test.setTimeout(240_000);
  await openReady(page, SETUP);
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  await page.getByTestId('select-backend').selectOption('webgpu');
  await expect(page.getByTestId('backend')).toHaveText('webgpu', { timeout: 180_000 });
  await expect(page.getByTestId('model-status')).toContainText('ready');
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 8', { timeout: 120_000 });
  await expect(page.getByTestId('worker-note')).toHaveCount(0);
});
