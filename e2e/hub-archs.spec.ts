import type { Page } from '@playwright/test';
import { confirmDownload, expect, HUB_URL, test } from './fixtures';

/**
 * The catalogue's architectures in the page: the project's tiny Qwen2, Llama (as SmolLM2) and
 * Qwen3 fixtures (training/make_fixture_hub_archs.py: grouped-query attention, rotary positions,
 * Qwen3's q/k norms, byte-level BPE with a ChatML template) from the stand-in hub, on WASM (q8)
 * and on WebGPU (SwiftShader here: q4, or q4f16 with shader-f16), each through the device check.
 */
const ARCHS = ['qwen2', 'llama', 'qwen3'] as const;
const BACKENDS = ['wasm', 'webgpu'] as const;

test.beforeEach(async ({ request }) => {
  await request.post(`${HUB_URL}/__hub/reset`);
});

for (const arch of ARCHS) {
  for (const backend of BACKENDS) {
    test(`${arch} on ${backend}: loads, searches the math task, and reports its prefix cache`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const model = `rlm-playground/tiny-${arch}-chat`;
      await page.goto(
        `/?task=math&problem=m01&policy=${model}&value=self-eval&hub=${encodeURIComponent(HUB_URL)}&backend=${backend}&strategy=mcts&sims=3&k=2&seed=1&stop=budget`,
      );
      await confirmDownload(page);
      await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 120_000 });
      const reason = page.getByTestId('backend-reason');
      const dtype = (await page.getByTestId('dtype').textContent()) ?? '';
      if (backend === 'webgpu') {
        // The device check ran: it agreed, or the models went to WASM and the reason says why.
        await expect(reason).toContainText(/device check/);
        expect(['q4', 'q4f16', 'q8']).toContain(dtype);
      } else {
        expect(dtype).toBe('q8');
      }
      await page.getByTestId('speed').selectOption('0');
      await page.getByTestId('btn-run').click();
      const status = page.getByTestId('search-status');
      await expect(status).toContainText('3 / 3', { timeout: 120_000 });
      await expect.poll(() => page.getByTestId('tree-node').count()).toBeGreaterThan(2);
      const reuse = Number(await status.getAttribute('data-prefix-reuse'));
      // The closing note's table: what loaded where, and what the device check and the cache said.
      console.log(
        `${arch} ${backend} ${dtype} reuse=${reuse.toFixed(2)} | ${(await reason.textContent()) ?? ''}`,
      );
      // 8-bit graphs quantize activations per batch, so their prefix cache stays off (q8: 0);
      // the 4-bit ones quantize weights only, and reuse what they computed.
      if (dtype === 'q8') expect(reuse).toBe(0);
      else expect(reuse).toBeGreaterThan(0);
    });
  }
}

for (const arch of ARCHS) {
  test(`${arch}, weights picked: q4 on WASM loads as asked, and its prefix cache reuses what it computed (q8 cannot)`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto(
      `/?task=math&problem=m01&policy=rlm-playground/tiny-${arch}-chat&value=self-eval&hub=${encodeURIComponent(HUB_URL)}&backend=wasm&dtype=q4&strategy=mcts&sims=3&k=2&seed=1&stop=budget`,
    );
    await confirmDownload(page);
    await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 120_000 });
    await expect(page.getByTestId('dtype')).toHaveText('q4');
    await page.getByTestId('speed').selectOption('0');
    await page.getByTestId('btn-run').click();
    const status = page.getByTestId('search-status');
    await expect(status).toContainText('3 / 3', { timeout: 120_000 });
    const reuse = Number(await status.getAttribute('data-prefix-reuse'));
    console.log(`${arch} wasm q4 reuse=${reuse.toFixed(2)}`);
    expect(reuse).toBeGreaterThan(0.3);
    await expect(page).toHaveURL(/dtype=q4/);
  });
}

/** Opens the qwen2 fixture with q4f16 picked on `backend`, ready. */
async function openQ4f16(page: Page, backend: string) {
  await page.goto(
    `/?task=math&problem=m01&policy=rlm-playground/tiny-qwen2-chat&value=self-eval&hub=${encodeURIComponent(HUB_URL)}&backend=${backend}&dtype=q4f16&strategy=mcts&sims=3&k=2&seed=1&stop=budget`,
  );
  await confirmDownload(page);
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 120_000 });
}

/** Runs the 3 simulations; the share of the policy's prompt the prefix cache supplied. */
async function searchReuse(page: Page): Promise<number> {
  await page.getByTestId('speed').selectOption('0');
  await page.getByTestId('btn-run').click();
  const status = page.getByTestId('search-status');
  await expect(status).toContainText('3 / 3', { timeout: 120_000 });
  return Number(await status.getAttribute('data-prefix-reuse'));
}

test('q4f16 picked on WASM: float16 logits and keys/values in the page, the prefix cache reusing them', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openQ4f16(page, 'wasm');
  await expect(page.getByTestId('dtype')).toHaveText('q4f16');
  const reuse = await searchReuse(page);
  console.log(`qwen2 wasm q4f16 reuse=${reuse.toFixed(2)}`);
  expect(reuse).toBeGreaterThan(0.3);
});

test('q4f16 picked on WebGPU without shader-f16 (SwiftShader): the page runs q4 and says why', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openQ4f16(page, 'webgpu');
  await expect(page.getByTestId('dtype')).toHaveText('q4');
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText('q4f16 was asked for, but this GPU lacks shader-f16, so q4');
  await expect(reason).toContainText('device check');
  expect(await searchReuse(page)).toBeGreaterThan(0.3);
});
