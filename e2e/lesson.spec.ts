import type { Page } from '@playwright/test';
import { drawnNodes, expect, openReady, test } from './fixtures';

/** Moves to the next lesson step and waits until it has driven the playground to its point. */
async function next(page: Page, id: string): Promise<void> {
  await page.getByTestId('btn-lesson-next').click();
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-step-id', id);
  await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

const phase = (page: Page) => page.getByTestId('phase-note').locator('[data-phase]').first();

test('the guided lesson, walked end to end on the embedded models', async ({ page }) => {
  test.setTimeout(300_000);
  // Opened away from the lesson's puzzle: the lesson sets up its own.
  await openReady(page, '?numbers=3,4,4,13&target=24&strategy=beam&backend=wasm');
  await page.getByTestId('btn-lesson').click();
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-step-id', 'intro');
  await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('lesson-count')).toHaveText('1 / 13');
  expect(page.url()).toContain('numbers=1,8,10,11');
  expect(page.url()).toContain('strategy=mcts');
  expect(await drawnNodes(page)).toHaveLength(1);

  // The policy: the root is expanded, and the lesson lists as many steps as the tree shows.
  await next(page, 'policy');
  await expect(phase(page)).toHaveAttribute('data-phase', 'expand');
  const rootChildren = (await drawnNodes(page)).filter((n) => n.parent === 'n0').length;
  expect(rootChildren).toBeGreaterThan(1);
  await expect(page.getByTestId('lesson-root-children')).toHaveText(String(rootChildren));

  // The value model: the children are scored and backed up into the root.
  await next(page, 'value');
  await expect(phase(page)).toHaveAttribute('data-phase', 'backpropagate');
  const root = (await drawnNodes(page)).find((n) => n.id === 'n0');
  expect(root?.visits).toBeGreaterThan(0);
  await expect(page.getByTestId('lesson-root-visits')).toHaveText(String(root?.visits));

  // One iteration phase by phase; Select shows PUCT filled in for the node it picked.
  await next(page, 'select');
  await expect(phase(page)).toHaveAttribute('data-phase', 'select');
  const puct = page.getByTestId('lesson-puct');
  await expect(puct).toContainText('Q + c · P · √N(parent) / (1 + N)');
  const picked = await puct.getAttribute('data-node-id');
  await expect(page.locator(`[data-testid="tree-node"][data-node-id="${picked}"]`)).toHaveAttribute(
    'data-selected',
    'true',
  );
  expect(Number.isFinite(Number(await puct.getAttribute('data-score')))).toBe(true);
  for (const id of ['expand', 'evaluate', 'backpropagate'] as const) {
    await next(page, id);
    await expect(phase(page)).toHaveAttribute('data-phase', id);
  }
  await expect(page.getByTestId('lesson-backprop').locator('tbody tr').first()).toBeVisible();

  // Priors: the pick at c is the child selected on the tree; it follows the slider.
  await next(page, 'priors');
  const slider = page.getByTestId('lesson-c');
  const picks = new Set<string>();
  for (const c of ['0', '1', '4']) {
    await slider.fill(c);
    await expect(page.getByTestId('lesson-c-value')).toHaveText(Number(c).toFixed(1));
    const id = await page.getByTestId('lesson-pick').getAttribute('data-node-id');
    await expect(page.locator(`[data-testid="tree-node"][data-node-id="${id}"]`)).toHaveAttribute(
      'data-selected',
      'true',
    );
    picks.add(id ?? '');
  }
  expect(picks.size).toBeGreaterThan(1);

  await next(page, 'run');
  await expect(page.getByTestId('lesson-run-result')).toHaveAttribute('data-solved', 'true');
  await expect(page.getByTestId('search-status')).toContainText('solved');

  // The four strategies on the same puzzle, run in the page.
  await next(page, 'strategies');
  await page.getByTestId('btn-lesson-race').click();
  await expect(page.getByTestId('lesson-race')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('lesson-race-row')).toHaveCount(4);
  await expect(page.locator('[data-testid="lesson-race-row"][data-strategy="mcts"]')).toHaveAttribute(
    'data-solved',
    'true',
  );

  // Test-time compute: the batch runs live and the curve never falls as the budget grows.
  await next(page, 'scaling');
  await page.getByTestId('btn-lesson-scaling').click();
  await expect(page.getByTestId('lesson-scaling')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  const rates = await page
    .getByTestId('scaling-point')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-rate'))));
  expect(rates).toHaveLength(7);
  for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1] ?? 0);
  expect(rates.at(-1)).toBeGreaterThan(rates[0] ?? 0);

  // Outcome vs process: a failed branch is selected, its steps listed with the value model's numbers.
  await next(page, 'supervision');
  const table = page.getByTestId('lesson-supervision');
  // The branch chosen shows the value falling partway: two steps or more.
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  await expect(table.locator('tr.is-drop')).toHaveCount(1);
  expect(await selectedId(page)).toBe(await table.getAttribute('data-leaf-id'));

  await next(page, 'wrap');
  await expect(page.getByTestId('btn-lesson-next')).toBeDisabled();

  // Going back rereads a step; the tree stays as it is.
  const before = (await drawnNodes(page)).length;
  await page.getByTestId('btn-lesson-prev').click();
  await expect(step).toHaveAttribute('data-step-id', 'supervision');
  await page.keyboard.press('PageUp');
  await expect(step).toHaveAttribute('data-step-id', 'scaling');
  expect((await drawnNodes(page)).length).toBe(before);
});

async function selectedId(page: Page): Promise<string | null> {
  return page.locator('[data-testid="tree-node"][data-selected="true"]').first().getAttribute('data-node-id');
}
