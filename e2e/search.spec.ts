import { drawnNodes, expect, node, openReady, test } from './fixtures';

test('loads offline on WASM and runs MCTS on the embedded models to a verified solution', async ({
  page,
}) => {
  await openReady(
    page,
    '?task=countdown&numbers=1,2,4,7&target=24&strategy=mcts&sims=64&seed=1&backend=wasm',
  );
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('solved', { timeout: 60_000 });
  const nodes = await drawnNodes(page);
  expect(nodes.filter((n) => n.state === 'terminal-solved').length).toBeGreaterThan(0);
  const root = nodes.find((n) => n.parent === '');
  expect(root?.visits).toBeGreaterThan(1);
  // Every drawn child hangs under a drawn parent.
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) if (n.parent) expect(ids.has(n.parent)).toBe(true);
});

test('steps one phase at a time: select, expand, evaluate, backpropagate', async ({ page }) => {
  await openReady(page, '?numbers=3,4,4,13&target=24&strategy=mcts&sims=16&seed=2&backend=wasm');
  const note = page.getByTestId('phase-note');
  const expected = ['select', 'expand', 'evaluate', 'backpropagate', 'select', 'expand'];
  let count = (await drawnNodes(page)).length;
  expect(count).toBe(1);
  for (const phase of expected) {
    await page.getByTestId('btn-step-phase').click();
    await expect(note.locator('[data-phase]').first()).toHaveAttribute('data-phase', phase);
    const now = (await drawnNodes(page)).length;
    if (phase === 'expand') expect(now).toBeGreaterThan(count);
    else expect(now).toBe(count);
    count = now;
  }
  await expect(note).toContainText(/Expand n\d+: the policy sampled/);
  const root = (await drawnNodes(page)).find((n) => n.parent === '');
  expect(root?.visits).toBeGreaterThan(0);
  await node(page, 'n1').click();
  await expect(page.getByTestId('node-inspector')).toContainText('n1');
});

test('prunes a subtree and its statistics leave the root; backtrack brings it back', async ({ page }) => {
  await openReady(page, '?numbers=3,4,4,13&target=24&strategy=mcts&sims=32&seed=3&backend=wasm&stop=budget');
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('btn-step').click();
    await expect(page.getByTestId('search-status')).toContainText(`${i + 1} /`);
  }
  const before = await drawnNodes(page);
  const rootBefore = before.find((n) => n.parent === '');
  const victim = before.filter((n) => n.parent === rootBefore?.id).sort((a, b) => b.visits - a.visits)[0];
  if (!victim || !rootBefore) throw new Error('no child of the root to prune');
  await node(page, victim.id).click();
  await page.getByTestId('btn-prune').click();
  await expect(node(page, victim.id)).toHaveAttribute('data-state', 'pruned');
  const root = node(page, rootBefore.id);
  await expect(root).toHaveAttribute('data-visits', String(rootBefore.visits - victim.visits));
  await page.getByTestId('btn-backtrack').click();
  await expect(node(page, victim.id)).not.toHaveAttribute('data-state', 'pruned');
  await expect(root).toHaveAttribute('data-visits', String(rootBefore.visits));
  expect(await drawnNodes(page)).toEqual(before);
});

test('the status line tells how much of the policy prompt the prefix cache supplied, and nothing with the cache off', async ({
  page,
}) => {
  await openReady(page, '?numbers=4,5,6,10&target=24&sims=8&seed=1&stop=budget&backend=wasm');
  await page.getByTestId('btn-run').click();
  const status = page.getByTestId('search-status');
  await expect(status).toContainText('8 / 8', { timeout: 60_000 });
  expect(Number(await status.getAttribute('data-prefix-reuse'))).toBeGreaterThan(0.3);
  await expect(status).toHaveAttribute('title', /prefix cache: \d+% of the policy's prompt tokens reused/);

  await openReady(page, '?numbers=4,5,6,10&target=24&sims=8&seed=1&stop=budget&backend=wasm&cache=off');
  await page.getByTestId('btn-run').click();
  await expect(status).toContainText('8 / 8', { timeout: 60_000 });
  expect(Number(await status.getAttribute('data-prefix-reuse'))).toBe(0);
});
