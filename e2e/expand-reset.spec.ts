import { drawnNodes, expect, node, openReady, test } from './fixtures';

test('Expand here grows the selected open node and backs its children up to the root', async ({ page }) => {
  await openReady(page, '?numbers=3,4,4,13&target=24&strategy=mcts&sims=32&seed=3&backend=wasm&stop=budget');
  const expand = page.getByTestId('btn-expand');
  await expect(expand).toBeDisabled();
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 32');
  await expect.poll(async () => (await drawnNodes(page)).length).toBeGreaterThan(1);
  const before = await drawnNodes(page);
  const root = before.find((n) => n.parent === '');
  const target = before.find((n) => n.parent === root?.id && n.state === 'open');
  if (!root || !target) throw new Error('no open child of the root after one simulation');
  expect(before.some((n) => n.parent === target.id)).toBe(false);

  await node(page, target.id).click();
  await expect(node(page, target.id)).toHaveAttribute('data-selected', 'true');
  await expect(expand).toBeEnabled();
  await expand.click();
  await expect(page.getByTestId('phase-note').locator('[data-phase]').first()).toHaveAttribute(
    'data-phase',
    'expand-here',
  );
  await expect(node(page, target.id)).toHaveAttribute('data-state', 'expanded');
  await expect
    .poll(async () => (await drawnNodes(page)).filter((n) => n.parent === target.id).length)
    .toBeGreaterThan(0);
  await expect
    .poll(async () => (await drawnNodes(page)).find((n) => n.id === root.id)?.visits)
    .toBeGreaterThan(root.visits);
  await expect
    .poll(async () => (await drawnNodes(page)).find((n) => n.id === target.id)?.visits)
    .toBeGreaterThan(target.visits);
  // An expanded node cannot be expanded again; the hand edit is an operator on the timeline.
  await expect(expand).toBeDisabled();
  await expect(page.getByTestId('timeline').locator('[data-operator]')).toHaveAttribute(
    'data-operator',
    'expand-here',
  );
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('Reset while running stops the search cleanly, and a new Run starts from the root', async ({ page }) => {
  await openReady(page, '?numbers=3,4,4,13&target=24&strategy=mcts&sims=64&seed=3&backend=wasm&stop=budget');
  const status = page.getByTestId('search-status');
  const nodes = page.getByTestId('tree-node');
  const rootVisits = async () => (await drawnNodes(page)).find((n) => n.parent === '')?.visits ?? 0;
  // The first simulation of this seeded search, to compare with the one after the reset.
  await page.getByTestId('btn-step').click();
  await expect(status).toContainText('1 / 64');
  await expect.poll(rootVisits).toBeGreaterThan(0);
  const first = await drawnNodes(page);
  await page.getByTestId('btn-reset').click();
  await expect(nodes).toHaveCount(1);

  await page.getByTestId('btn-run').click();
  await expect(status).toContainText('running');
  await expect(status).toHaveAttribute('data-state', 'running');
  await expect.poll(() => nodes.count()).toBeGreaterThan(first.length);

  await page.getByTestId('btn-reset').click();
  await expect(nodes).toHaveCount(1);
  await expect(status).not.toContainText('running');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(status).toContainText('0 / 64');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('btn-pause')).toBeDisabled();
  await expect(page.getByTestId('btn-run')).toBeEnabled();

  // The old run is over for good: one Step from here is the first simulation of the same seeded
  // search again, with nothing of the cancelled run mixed in.
  await page.getByTestId('btn-step').click();
  await expect(status).toContainText('1 / 64');
  await expect.poll(() => drawnNodes(page)).toEqual(first);

  await page.getByTestId('btn-run').click();
  await expect(status).toContainText('running');
  await expect.poll(() => nodes.count()).toBeGreaterThan(10);
  await expect.poll(async () => Number((await status.textContent())?.split(' / ')[0])).toBeGreaterThan(3);
  await page.getByTestId('btn-pause').click();
  await expect(status).not.toContainText('running');
  await expect(page.getByTestId('error')).toHaveCount(0);
});
