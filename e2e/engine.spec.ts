import type { APIRequestContext } from '@playwright/test';
import { drawnNodes, ENGINE_URL, expect, openReady, test } from './fixtures';

/**
 * The server engine in the page, against the vLLM TEST DOUBLE that playwright.config.ts starts
 * (src/inference/openai/testing/vllm-double.ts: the embedded Countdown policy behind
 * /v1/completions). The value model stays in the page's worker.
 */
const SETUP = `?numbers=4,5,6,10&target=24&engine=openai&base=${encodeURIComponent(ENGINE_URL)}&model=countdown-policy&backend=wasm&sims=8&seed=1&stop=budget`;

interface DoubleStats {
  completions: number;
  maxInFlight: number;
  lastAuthorization: string | null;
}
const stats = async (request: APIRequestContext) =>
  (await (await request.get(`${ENGINE_URL}/__double/stats`)).json()) as DoubleStats;
const fault = (request: APIRequestContext, kind: string, count?: number) =>
  request.post(`${ENGINE_URL}/__double/fault`, {
    data: count === undefined ? { fault: kind } : { fault: kind, count },
  });

test.beforeEach(async ({ request }) => {
  await request.post(`${ENGINE_URL}/__double/reset`);
});

test('the policy runs on the server: probed on connect, the search grows here, parallel leaves go out together', async ({
  page,
  request,
}) => {
  await openReady(page, `${SETUP}&parallel=4`);
  await expect(page.getByTestId('backend-reason')).toContainText(
    `policy on countdown-policy at ${ENGINE_URL}`,
  );
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('8 / 8', { timeout: 60_000 });
  expect((await drawnNodes(page)).length).toBeGreaterThan(8);
  const s = await stats(request);
  expect(s.completions).toBeGreaterThan(1);
  expect(s.maxInFlight).toBeGreaterThan(1);
  await expect(page).toHaveURL(/engine=openai/);
  await expect(page).toHaveURL(/parallel=4/);
});

test('a server that returns one choice for n > 1 is found on connect, and the page says what it does instead', async ({
  page,
  request,
}) => {
  await fault(request, 'single-choice');
  await openReady(page, SETUP);
  await expect(page.getByTestId('backend-reason')).toContainText('one choice for n > 1');
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('8 / 8', { timeout: 60_000 });
});

test('an API key goes to the server in a header, never into the URL or storage unless asked', async ({
  page,
  request,
}) => {
  await openReady(page, SETUP);
  await page.getByTestId('btn-setup').click();
  await page.getByTestId('input-engine-key').fill('sk-test-123');
  await page.getByTestId('btn-engine-connect').click();
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 30_000 });
  expect((await stats(request)).lastAuthorization).toBe('Bearer sk-test-123');
  expect(page.url()).not.toContain('sk-test');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('sk-test');
});

for (const [kind, message] of [
  ['500', /failed \(HTTP 500\): CUDA out of memory/],
  ['429', /busy \(HTTP 429/],
  ['malformed', /not JSON/],
  ['cut', /connection to the server at .* was cut/],
] as const) {
  test(`a ${kind} answer mid-search gives a clear message, keeps the tree, and Retry goes on`, async ({
    page,
    request,
  }) => {
    await openReady(page, SETUP);
    await page.getByTestId('btn-step').click();
    await expect(page.getByTestId('search-status')).toContainText('1 / 8');
    const before = (await drawnNodes(page)).length;
    await fault(request, kind, 1);
    await page.getByTestId('btn-run').click();
    await expect(page.getByTestId('error')).toContainText(message, { timeout: 30_000 });
    expect((await drawnNodes(page)).length).toBe(before);
    await page.getByTestId('btn-retry-search').click();
    await expect(page.getByTestId('search-status')).toContainText('8 / 8', { timeout: 60_000 });
    await expect(page.getByTestId('error')).toHaveCount(0);
    expect((await drawnNodes(page)).length).toBeGreaterThan(before);
  });
}
