import { expect, openReady, test } from './fixtures';

const PUZZLE = 'numbers=1,8,10,11&target=24&seed=1&backend=wasm';

test('compare view: MCTS and the chain side by side on the same puzzle, each with its tree, answer and tokens', async ({
  page,
}) => {
  await page.goto(`/?${PUZZLE}&compare=mcts,cot`);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  const columns = page.getByTestId('compare-column');
  await expect(columns).toHaveCount(2);
  const mcts = page.locator('[data-testid="compare-column"][data-strategy="mcts"]');
  const cot = page.locator('[data-testid="compare-column"][data-strategy="cot"]');
  await expect(page.getByTestId('compare-problem')).toContainText('reach 24 with 1, 8, 10, 11');
  for (const column of [mcts, cot]) {
    await expect(column.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
    await expect(column).toHaveAttribute('data-state', 'idle');
  }
  await page.getByTestId('btn-compare-run').click();
  for (const column of [mcts, cot])
    await expect(column).toHaveAttribute('data-state', 'done', { timeout: 60_000 });

  // The chain is greedy: one step per depth, so its tree is a single path.
  const cotNodes = await cot.getByTestId('tree-node').count();
  expect(cotNodes).toBeLessThanOrEqual(4);
  expect(await mcts.getByTestId('tree-node').count()).toBeGreaterThan(cotNodes);
  await expect(mcts.getByTestId('compare-answer')).toHaveAttribute('data-solved', 'true');
  await expect(mcts.getByTestId('compare-answer')).toContainText('24');
  await expect(cot.getByTestId('compare-answer')).toHaveAttribute('data-solved', /true|false/);
  const tokens = async (c: typeof mcts) => Number(await c.getByTestId('compare-tokens').textContent());
  expect(await tokens(cot)).toBeGreaterThan(0);
  expect(await tokens(mcts)).toBeGreaterThan(await tokens(cot));

  // Choosing another strategy keeps the puzzle and the seed.
  await page.getByTestId('compare-right').selectOption('beam');
  await expect(page.locator('[data-testid="compare-column"][data-strategy="beam"]')).toBeVisible();
  expect(page.url()).toContain('compare=mcts,beam');
  expect(page.url()).toContain('numbers=1,8,10,11');
});

test('the playground opens the compare view for its own setup, and a bad compare link says why', async ({
  page,
}) => {
  await openReady(page, `?${PUZZLE}&strategy=beam`);
  await page.getByTestId('btn-compare').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.locator('[data-testid="compare-column"][data-strategy="beam"]')).toBeVisible();
  await expect(page.locator('[data-testid="compare-column"][data-strategy="cot"]')).toBeVisible();

  await openReady(page, `?${PUZZLE}&compare=mcts,nonsense`);
  await expect(page.getByTestId('app-error')).toContainText('compare needs two strategies');
  await page.getByTestId('btn-dismiss-error').click();
  await expect(page.getByTestId('app-error')).toHaveCount(0);
  await expect(page.getByTestId('btn-run')).toBeEnabled();
});

test('compare view: a node clicked in a column is inspected in that column (its path and sibling scores)', async ({
  page,
}) => {
  await page.goto(`/?${PUZZLE}&compare=mcts,beam`);
  const mcts = page.locator('[data-testid="compare-column"][data-strategy="mcts"]');
  const beam = page.locator('[data-testid="compare-column"][data-strategy="beam"]');
  for (const column of [mcts, beam])
    await expect(column.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  await page.getByTestId('btn-compare-run').click();
  for (const column of [mcts, beam])
    await expect(column).toHaveAttribute('data-state', 'done', { timeout: 60_000 });

  const inspector = (column: typeof mcts) => column.getByTestId('compare-inspector');
  await expect(inspector(mcts)).toContainText('Click a node to inspect it');
  await expect(inspector(beam)).toContainText('Click a node to inspect it');

  // n1 is the root's first child in both trees; each column shows its own tree's n1.
  const step = async (column: typeof mcts, id: string) =>
    (
      (await column.locator(`[data-testid="tree-node"][data-node-id="${id}"] title`).textContent()) ?? ''
    ).split('\n')[0] ?? '';
  const mctsStep = await step(mcts, 'n1');
  await mcts.locator('[data-testid="tree-node"][data-node-id="n1"]').click();
  await expect(inspector(mcts).getByTestId('reasoning-path')).toContainText(mctsStep);
  await expect(inspector(mcts).getByTestId('score-table')).toBeVisible();
  await expect(inspector(mcts).getByTestId('score-row-n1')).toHaveAttribute('data-own', 'true');
  await expect(inspector(mcts).locator('.inspector__scores-caption')).toContainText('PUCT score = Q + U');
  await expect(inspector(mcts).getByTestId('score-table').locator('[data-picked="true"]')).toHaveCount(1);
  // The other column's selection is its own.
  await expect(inspector(beam)).toContainText('Click a node to inspect it');

  const beamStep = await step(beam, 'n1');
  await beam.locator('[data-testid="tree-node"][data-node-id="n1"]').click();
  await expect(inspector(beam).getByTestId('reasoning-path')).toContainText(beamStep);
  await expect(inspector(beam).getByTestId('score-row-n1')).toHaveAttribute('data-own', 'true');
  await expect(inspector(mcts).getByTestId('reasoning-path')).toContainText(mctsStep);

  // The inspector shares the column with the tree, which keeps the larger part; closing it gives
  // the room back.
  const height = async (locator: ReturnType<typeof page.getByTestId>) =>
    (await locator.boundingBox())?.height ?? 0;
  const tree = mcts.locator('.tree-canvas');
  expect(await height(tree)).toBeGreaterThan(await height(inspector(mcts)));
  const before = await height(tree);
  await mcts.getByTestId('btn-compare-inspector-close').click();
  await expect(inspector(mcts)).toContainText('Click a node to inspect it');
  await expect.poll(() => height(tree)).toBeGreaterThan(before);
});

test('compare view: the process-trained value (PRM) against the outcome model (ORM) on the same puzzle', async ({
  page,
}) => {
  await page.goto(`/?${PUZZLE}&sims=32&stop=budget&compare=mcts:prm,mcts:orm`);
  const columns = page.getByTestId('compare-column');
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0).getByTestId('compare-value')).toContainText('PRM');
  await expect(columns.nth(1).getByTestId('compare-value')).toContainText('ORM');
  for (const i of [0, 1])
    await expect(columns.nth(i).getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  await page.getByTestId('btn-compare-run').click();
  for (const i of [0, 1])
    await expect(columns.nth(i)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  // Same policy, seed and budget: the two trees differ only by how their nodes were valued.
  const values = async (i: number) =>
    columns
      .nth(i)
      .locator('[data-testid="tree-node"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-value')).join(','));
  expect(await values(0)).not.toBe(await values(1));
  // Choosing another strategy keeps each column's value.
  await page.getByTestId('compare-right').selectOption('gumbel');
  await expect(page).toHaveURL(/compare=mcts:prm,gumbel:orm/);
});
