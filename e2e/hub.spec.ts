import type { APIRequestContext } from '@playwright/test';
import { confirmDownload, expect, HUB_URL, test } from './fixtures';

/**
 * Hub models, against a local server that stands in for the hub (e2e/hub/hub-server.ts) and
 * serves the project's own fixture chat model (e2e/fixtures/hub/rlm-playground/tiny-math-chat,
 * made by training/make_fixture_chat_model.py) in the hub's layout {host}/{id}/resolve/main/{file}.
 */
const MODEL = 'rlm-playground/tiny-math-chat';
const SETUP = `?task=math&problem=m01&policy=${MODEL}&value=self-eval&hub=${encodeURIComponent(HUB_URL)}&backend=wasm&strategy=mcts&sims=4&k=2&seed=1`;

interface HubCounts {
  paths: Record<string, { get: number; range: number; head: number }>;
  totals: { get: number; range: number; head: number };
}

async function hubMode(request: APIRequestContext, mode: string, match?: string): Promise<void> {
  const r = await request.post(`${HUB_URL}/__hub/mode`, { data: match ? { mode, match } : { mode } });
  expect(r.ok()).toBe(true);
}

async function hubCounts(request: APIRequestContext): Promise<HubCounts> {
  return (await (await request.get(`${HUB_URL}/__hub/requests`)).json()) as HubCounts;
}

test.beforeEach(async ({ request }) => {
  await request.post(`${HUB_URL}/__hub/reset`);
});

test('downloads a hub model with progress, runs the math task on it, and a reload needs no second download', async ({
  page,
  request,
}) => {
  await hubMode(request, 'slow');
  await page.goto(`/${SETUP}`);
  // Nothing is fetched before the user agrees to the download's size.
  await expect(page.getByTestId('download-confirm')).toContainText(`download ${MODEL}`);
  expect((await hubCounts(request)).totals.get).toBe(0);
  await confirmDownload(page);
  const total = page.getByTestId('download-progress-total');
  await expect(page.getByTestId('download-progress')).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(async () => Number(await total.getAttribute('value')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 90_000 });
  const first = await hubCounts(request);
  const weights = Object.entries(first.paths).find(([p]) =>
    p.endsWith(`${MODEL}/resolve/main/onnx/model_quantized.onnx`),
  );
  expect(weights?.[1].get).toBe(1);

  // The search runs on the downloaded model: a whole MCTS simulation of paragraph steps.
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 /', { timeout: 30_000 });
  // The drawing follows the status within a layout interval.
  await expect.poll(() => page.getByTestId('tree-node').count()).toBeGreaterThan(1);

  await hubMode(request, 'ok');
  await page.reload();
  // Already in this browser: it loads without asking again.
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  const second = await hubCounts(request);
  expect(second.totals.get).toBe(first.totals.get);
});

// The cut drops the connection halfway through the weights, after the small files arrived.
const FAILURES: readonly [string, RegExp, string?][] = [
  ['404', /not found on http/],
  ['500', /the hub failed to serve it \(HTTP 500\)/],
  ['cut', /interrupted|could not/, 'onnx/model_quantized.onnx'],
  ['html', /HTML page instead of the model files/],
];

for (const [mode, message, match] of FAILURES) {
  test(`a hub that answers ${mode} gets a clear error, and Retry recovers once it is back`, async ({
    page,
    request,
  }) => {
    await hubMode(request, mode, match);
    await page.goto(`/${SETUP}`);
    await confirmDownload(page);
    await expect(page.getByTestId('error')).toContainText(message, { timeout: 60_000 });
    await expect(page.getByTestId('model-status')).toContainText('error');
    await hubMode(request, 'ok');
    await page.getByTestId('btn-retry').click();
    await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
    await expect(page.getByTestId('error')).toHaveCount(0);
  });
}

test('an unknown model id is refused with a message, with no tree and Run disabled; the model before comes back', async ({
  page,
}) => {
  await page.goto(`/${SETUP}`);
  await confirmDownload(page);
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 /', { timeout: 30_000 });
  await expect.poll(() => page.getByTestId('tree-node').count()).toBeGreaterThan(1);
  await page.getByTestId('select-policy').selectOption({ label: 'Other model id…' });
  await page.getByTestId('input-policy').fill('rlm-playground/no-such-model');
  await page.getByTestId('input-policy').press('Enter');
  // The old tree goes at once: never the old model's search under the new setup.
  await expect(page.getByTestId('tree-node')).toHaveCount(0);
  await confirmDownload(page);
  await expect(page.getByTestId('error')).toContainText('rlm-playground/no-such-model: not found');
  await expect(page.getByTestId('model-status')).toContainText('error');
  await expect(page.getByTestId('model-status')).not.toContainText('ready');
  await expect(page.getByTestId('btn-run')).toBeDisabled();
  await expect(page.getByTestId('tree-node')).toHaveCount(0);
  // Back to the model that loaded: it is in this browser, so it loads without asking, and searches.
  await page.getByTestId('input-policy').fill(MODEL);
  await page.getByTestId('input-policy').press('Enter');
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 /', { timeout: 30_000 });
});

test('a model of an architecture transformers.js does not support is refused with a message', async ({
  page,
}) => {
  await page.goto(`/${SETUP.replace(MODEL, 'rlm-playground/unsupported-arch')}`);
  await confirmDownload(page);
  await expect(page.getByTestId('error')).toContainText('unsupported architecture', { timeout: 60_000 });
  await expect(page.getByTestId('model-status')).toContainText('error');
});
