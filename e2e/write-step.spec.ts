import type { Page } from '@playwright/test';
import { confirmDownload, drawnNodes, ENGINE_URL, expect, HUB_URL, node, openReady, test } from './fixtures';

/**
 * Writing a step by hand: the embedded Countdown policy (in the page's worker) and the vLLM TEST
 * DOUBLE (through `echo`) score the typed text, the verifier judges it, it joins the tree marked ✎.
 */
const SETUP = '?numbers=4,5,6,10&target=24&strategy=mcts&sims=6&seed=1&backend=wasm&stop=budget';

/** Writes `text` at the node shown in the inspector (what follows waits for its outcome). */
async function write(page: Page, text: string) {
  await page.getByTestId('input-write-step').fill(text);
  await page.getByTestId('btn-write-step').click();
}

/** The id in the inspector's title ("Node n7"). */
async function inspected(page: Page): Promise<string> {
  const title = (await page.getByTestId('node-inspector').getAttribute('aria-label')) ?? '';
  return title.replace('Node ', '');
}

test('a step written at the root is scored by the policy, judged, drawn beside the sampled ones and searched on', async ({
  page,
}) => {
  await openReady(page, SETUP);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 6', { timeout: 60_000 });
  const before = (await drawnNodes(page)).length;
  await node(page, 'n0').click();

  await write(page, '10 - 4 = 6');
  const note = page.getByTestId('phase-note');
  await expect(note).toContainText('"10-4=6 (left: 5 6 6)" was not sampled');
  await expect(note).toContainText(
    /probability [\d.e-]+ \(log p -\d+\.\d\d\), prior \d\.\d\d against its \d+ siblings/,
  );
  await expect(note).toContainText('Evaluate: the value model scored 1 open node');
  // The new node is selected: written by hand, a child of the root, drawn with the pencil.
  await expect(page.getByTestId('inspector-written')).toContainText('Written by hand');
  const id = await inspected(page);
  expect(await node(page, id).getAttribute('data-parent-id')).toBe('n0');
  await expect(node(page, id).locator('title')).toContainText('10-4=6 (left: 5 6 6)');
  await expect(page.locator(`[data-testid="tree-label"][data-node-id="${id}"]`)).toContainText('✎');
  expect((await drawnNodes(page)).length).toBe(before + 1);

  // Wrong arithmetic joins as failed with the verifier's reason; the same text twice is refused.
  await node(page, 'n0').click();
  await write(page, '10-4=7');
  await expect(page.getByTestId('phase-note')).toContainText('the verifier fails it: 10-4 is 6, not 7');
  await node(page, 'n0').click();
  const count = (await drawnNodes(page)).length;
  await write(page, '10-4=6');
  await expect(page.getByTestId('error')).toContainText(`${id} already says "10-4=6 (left: 5 6 6)"`);
  expect((await drawnNodes(page)).length).toBe(count);

  // The search goes on over a tree holding the written steps.
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('6 / 6', { timeout: 60_000 });
  await expect(node(page, id)).toBeVisible();
});

test('on a server engine the step is scored through echo', async ({ page, request }) => {
  await request.post(`${ENGINE_URL}/__double/reset`);
  await openReady(
    page,
    `?numbers=4,5,6,10&target=24&engine=openai&base=${encodeURIComponent(ENGINE_URL)}&model=countdown-policy&backend=wasm&sims=4&seed=1&stop=budget`,
  );
  await node(page, 'n0').click();
  await write(page, '10-4=6');
  await expect(page.getByTestId('phase-note')).toContainText(/gives it probability [\d.e-]+ \(log p -\d/);
  await expect(page.getByTestId('inspector-written')).toBeVisible();
});

test('on a hub chat model (the math task): a paragraph step scored in the chat template, a final answer judged', async ({
  page,
}) => {
  await page.goto(
    `/?task=math&problem=m01&policy=rlm-playground/tiny-qwen2-chat&value=self-eval&hub=${encodeURIComponent(HUB_URL)}&backend=wasm&dtype=q4&strategy=mcts&sims=3&k=2&seed=1&stop=budget`,
  );
  await confirmDownload(page);
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 120_000 });
  await node(page, 'n0').click();
  await write(page, 'Mia gives away 5, so 12 - 5 = 7 apples are left.');
  await expect(page.getByTestId('inspector-written')).toBeVisible({ timeout: 60_000 });
  const note = page.getByTestId('phase-note');
  await expect(note).toContainText('prior 1, the only step here');
  await expect(note).toContainText('the verifier lets it stand');
  // The self-evaluation valued it: the inspector shows a value in [0, 1].
  const first = await inspected(page);
  await write(page, 'She buys 8 more: 7 + 8 = 15. The answer is 15.');
  await expect(note).toContainText(`under ${first}`);
  await expect(note).toContainText('the verifier accepts the answer 15');
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-solved', 'true');
});

test('the write-a-step form fits the side panel at a lecture size and on a phone', async ({ page }) => {
  for (const [width, height] of [
    [1024, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openReady(page, SETUP);
    await node(page, 'n0').click({ force: true });
    if (width < 900) await page.getByTestId('btn-side-panel').click();
    const form = page.getByTestId('write-step');
    await form.scrollIntoViewIfNeeded();
    const panel = await page.getByTestId('node-inspector').boundingBox();
    const input = await page.getByTestId('input-write-step').boundingBox();
    const button = await page.getByTestId('btn-write-step').boundingBox();
    if (!panel || !input || !button) throw new Error('the form is not drawn');
    // One row: the field, then the button beside it, both inside the panel and the window.
    expect(button.x).toBeGreaterThanOrEqual(input.x + input.width);
    expect(Math.abs(button.y + button.height / 2 - (input.y + input.height / 2))).toBeLessThan(4);
    expect(input.x).toBeGreaterThanOrEqual(panel.x);
    expect(button.x + button.width).toBeLessThanOrEqual(Math.min(panel.x + panel.width, width) + 0.5);
    expect(input.width).toBeGreaterThan(120);
  }
});
