import { readFile } from 'node:fs/promises';
import { drawnNodes, expect, openReady, test } from './fixtures';

test('the Strategy panel offers each strategy with the settings it reads, and the URL follows', async ({
  page,
}) => {
  await openReady(page, '?numbers=4,5,6,10&target=24&backend=wasm');
  await page.getByTestId('btn-setup').click();
  const panel = page.getByTestId('strategy-panel');
  await page.getByTestId('select-strategy').selectOption('dfs');
  await expect(page.getByTestId('explain-strategy')).toContainText('backtracks');
  await expect(panel.getByTestId('input-threshold')).toBeVisible();
  await expect(panel.getByTestId('select-variant')).toHaveCount(0);
  await expect(panel.getByTestId('input-c')).toHaveCount(0);
  await expect(page).toHaveURL(/strategy=dfs/);

  await page.getByTestId('select-strategy').selectOption('mcts');
  await expect(panel.getByTestId('input-threshold')).toHaveCount(0);
  await page.getByTestId('select-variant').selectOption('x1');
  await expect(page.getByTestId('explain-variant')).toContainText('19652');
  // x1's formula has no c and no PUCT/UCT choice.
  await expect(panel.getByTestId('input-c')).toHaveCount(0);
  await expect(panel.getByTestId('select-selection')).toHaveCount(0);
  await page.getByTestId('input-solver').check();
  await expect(page).toHaveURL(/variant=x1/);
  await expect(page).toHaveURL(/solver=on/);
  await page.reload();
  await page.getByTestId('btn-setup').click();
  await expect(page.getByTestId('select-variant')).toHaveValue('x1');
  await expect(page.getByTestId('input-solver')).toBeChecked();
});

test('BFS prunes what it drops, and the tree draws it pruned', async ({ page }) => {
  await openReady(
    page,
    '?numbers=4,5,6,10&target=24&strategy=bfs&sims=2&k=8&seed=1&backend=wasm&stop=budget',
  );
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText(/solved|no solution|done/i, {
    timeout: 60_000,
  });
  const nodes = await drawnNodes(page);
  expect(nodes.filter((n) => n.state === 'pruned').length).toBeGreaterThan(2);
});

test('MCTS-Solver draws proven-failed nodes, and the x1 export reads back through the import', async ({
  page,
}) => {
  await openReady(
    page,
    '?numbers=4,5,6,10&target=24&strategy=mcts&sims=32&seed=2&solver=on&backend=wasm&stop=budget',
  );
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('32 / 32', { timeout: 90_000 });
  const nodes = await drawnNodes(page);
  expect(nodes.filter((n) => n.state === 'proven-failed').length).toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('btn-export-x1').click(),
  ]);
  expect(download.suggestedFilename()).toBe('mcts_tree_final.json');
  const x1 = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    visit_count: number;
    args: unknown;
  };
  expect(x1.args).toMatchObject({ c1: 1.25, c2: 19652, gamma: 0.96, gt_solution: '24' });
  const rootVisits = nodes.find((n) => n.parent === '')?.visits;
  expect(x1.visit_count).toBe(rootVisits);
  await page.getByTestId('import-file').setInputFiles(await download.path());
  await expect(page.getByTestId('imported-banner')).toContainText(`${rootVisits} root visits`);
});

test('graph mode draws the same state reached twice as one node with a second, dashed edge', async ({
  page,
}) => {
  await openReady(
    page,
    '?numbers=1,5,1,9,2&target=100&strategy=mcts&sims=32&seed=1&graph=on&backend=wasm&stop=budget',
  );
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('32 / 32', { timeout: 90_000 });
  const second = page.locator('[data-testid="tree-edge"][data-transposition="true"]');
  expect(await second.count()).toBeGreaterThan(0);
  // Each second edge ends on a drawn node: the state's one node.
  const target = await second.first().getAttribute('data-target-id');
  await expect(page.locator(`[data-testid="tree-node"][data-node-id="${target}"]`)).toHaveCount(1);
});
