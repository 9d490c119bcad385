import { confirmDownload, expect, HUB_URL, openReady, test } from './fixtures';

/** The first minute of a new user, on the real embedded models in real Chromium. */

test('the default puzzle shows why search matters: MCTS explores before it solves, the greedy chain fails', async ({
  page,
}) => {
  // The default setup (no puzzle in the URL), on WASM so the test does not time a software GPU.
  await openReady(page, '?backend=wasm');
  await expect(page.getByTestId('input-numbers')).toHaveValue('1,8,10,11');
  await page.getByTestId('btn-run').click();
  const status = page.getByTestId('search-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const first = await page.getByTestId('first-solved').textContent();
  const k = Number(/first at simulation (\d+)/.exec(first ?? '')?.[1]);
  expect(k, 'the simulation of the first solution').toBeGreaterThan(1);

  // The same puzzle, seed and models: the greedy chain's answer is not verified.
  await page.goto('/?backend=wasm&compare=mcts,cot');
  for (const column of await page.getByTestId('compare-column').all()) {
    await expect(column.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  }
  await page.getByTestId('btn-compare-run').click();
  const chain = page.locator('[data-testid="compare-column"][data-strategy="cot"]');
  const mcts = page.locator('[data-testid="compare-column"][data-strategy="mcts"]');
  await expect(chain).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(mcts).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(chain.getByTestId('compare-answer')).toHaveAttribute('data-solved', 'false');
  await expect(mcts.getByTestId('compare-answer')).toHaveAttribute('data-solved', 'true');
});

test('a recorded search is shown and stepped before the models are ready, and the live search replaces it', async ({
  page,
}) => {
  // Hold the policy's weights until the recording has been looked at.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.context().route('**/models/countdown-policy/onnx/**', async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto('/');
  const banner = page.getByTestId('recording-banner');
  const status = page.getByTestId('search-status');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(status).toHaveAttribute('data-state', 'recording');
  await expect(page.getByTestId('model-status')).not.toContainText('ready');
  await expect(page.getByTestId('tree-node')).toHaveCount(1);
  await expect(page.getByTestId('phase-note')).toContainText('recorded search');
  // The banner stands above the drawing, never over it (over it, it hid the root).
  const bannerBox = await banner.boundingBox();
  const canvasBox = await page.locator('.tree-canvas').boundingBox();
  expect(bannerBox && canvasBox && bannerBox.y + bannerBox.height <= canvasBox.y).toBe(true);
  // Stepped: one recorded simulation, its nodes drawn and its note told.
  await page.getByTestId('btn-step').click();
  await expect(status).toContainText('1 / 64 simulations');
  await expect.poll(() => page.getByTestId('tree-node').count()).toBeGreaterThan(1);
  await expect(page.getByTestId('phase-note').locator('[data-phase]').first()).toHaveAttribute(
    'data-phase',
    'backpropagate',
  );
  // Not the user's search: no hand edits.
  await expect(page.getByTestId('btn-backtrack')).toBeDisabled();

  release();
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  await expect(banner).toHaveCount(0);
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(status).toContainText('0 / 64 simulations');
  await expect(page.getByTestId('tree-node')).toHaveCount(1);
});

test('dragging the timeline back changes the phase note to the operator shown', async ({ page }) => {
  await openReady(page, '?backend=wasm&numbers=4,5,6,10&target=24&sims=8&seed=1&stop=budget');
  await page.getByTestId('btn-step').click();
  await page.getByTestId('btn-step').click();
  const note = page.getByTestId('phase-note');
  const badge = note.locator('[data-phase]').first();
  await expect(page.getByTestId('search-status')).toContainText('2 / 8');
  await expect(badge).toHaveAttribute('data-phase', 'backpropagate');
  const slider = page.getByTestId('timeline-slider');
  await slider.press('Home');
  await expect(note).toContainText('The start');
  await expect(page.getByTestId('search-status')).toContainText('0 / 8');
  await slider.press('ArrowRight');
  await slider.press('ArrowRight');
  await expect(badge).toHaveAttribute('data-phase', 'expand');
  await expect(note).toContainText('Expand n0');
  await slider.press('End');
  await expect(badge).toHaveAttribute('data-phase', 'backpropagate');
  await expect(page.getByTestId('search-status')).toContainText('2 / 8');
});

test('switching to Math with no network: no download unasked, then a clear error, Run disabled, no Countdown tree', async ({
  page,
}) => {
  // No network to the hub: every request to it fails as a disconnected machine's would.
  await page.context().route(`${HUB_URL}/**`, (route) => route.abort('internetdisconnected'));
  await openReady(page, `?backend=wasm&hub=${encodeURIComponent(HUB_URL)}`);
  await page.getByTestId('btn-step').click();
  await expect.poll(() => page.getByTestId('tree-node').count()).toBeGreaterThan(1);

  await page.getByTestId('select-task').selectOption('math');
  // Nothing downloads unasked; the Countdown tree is gone at once and nothing can run.
  await expect(page.getByTestId('download-confirm')).toContainText('512 MB');
  await expect(page.getByTestId('tree-node')).toHaveCount(0);
  await expect(page.getByTestId('btn-run')).toBeDisabled();
  await expect(page.getByTestId('model-status')).not.toContainText('ready');

  await confirmDownload(page);
  await expect(page.getByTestId('error')).toContainText('could not reach', { timeout: 30_000 });
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('model-status')).not.toContainText('ready');
  await expect(page.getByTestId('btn-run')).toBeDisabled();
  await expect(page.getByTestId('tree-node')).toHaveCount(0);
});

test('a key is never dropped: pressed during a phase it is done after it, and one that cannot act says why', async ({
  page,
}) => {
  await openReady(page, '?backend=wasm&numbers=4,5,6,10&target=24&sims=8&seed=1&stop=budget');
  // Two presses in a row: the second comes while the first simulation is still running.
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await expect(page.getByTestId('search-status')).toContainText('2 / 8', { timeout: 30_000 });
  // Prune with no node selected: refused, and the page says why.
  await page.keyboard.press('p');
  await expect(page.getByTestId('key-notice')).toContainText('Select a node in the tree first');
});
