import type { Page } from '@playwright/test';
import { drawnNodes, expect, openReady, test } from './fixtures';
import { byId, FAULT_DONE, referenceThenRestart } from './interrupted-run';

/** What IndexedDB holds, read in the page: each saved session's id, name, nodes and simulations. */
function savedSessions(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ id: string; name: string; nodes: number; simulations: number }[]>((resolve, reject) => {
        const open = indexedDB.open('rlm-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('session-infos')) return resolve([]);
          const all = db.transaction('session-infos').objectStore('session-infos').getAll();
          all.onsuccess = () =>
            resolve(
              (
                all.result as { id: string; name: string; summary: { nodes: number; simulations: number } }[]
              ).map((s) => ({
                id: s.id,
                name: s.name,
                nodes: s.summary.nodes,
                simulations: s.summary.simulations,
              })),
            );
        };
      }),
  );
}

test('a reload during a run reopens the session where it was: every node is back, and it goes on to the tree of an undisturbed run', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const reference = await referenceThenRestart(page);
  const before = await drawnNodes(page);
  // Saved as it runs: wait until the archive holds the search under way (not the finished
  // reference run) with at least the nodes seen, then reload in the middle of the run.
  const underWay = async () =>
    Math.max(0, ...(await savedSessions(page)).filter((s) => s.simulations < 32).map((s) => s.nodes));
  await expect.poll(underWay, { timeout: 10_000 }).toBeGreaterThanOrEqual(before.length);
  await page.reload();

  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  await expect(page.getByTestId('phase-note')).toContainText('Reopened', { timeout: 30_000 });
  const reopened = await drawnNodes(page);
  const back = new Map(reopened.map((n) => [n.id, n]));
  for (const n of before) expect(back.get(n.id)?.parent, `${n.id} is back under its parent`).toBe(n.parent);
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText(FAULT_DONE, { timeout: 60_000 });
  expect(byId(await drawnNodes(page))).toEqual(reference);
});

test('the session list reopens, renames and deletes saved sessions, and the names survive a reload', async ({
  page,
}) => {
  await openReady(page, '?numbers=1,2,4,7&target=24&strategy=mcts&sims=8&seed=1&backend=wasm');
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const first = byId(await drawnNodes(page));
  // A second search on another setup: its own saved session.
  await page.goto('/?numbers=3,4,6,8&target=24&strategy=cot&seed=1&backend=wasm');
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect.poll(async () => (await savedSessions(page)).length, { timeout: 10_000 }).toBe(2);

  await page.getByTestId('btn-sessions').click();
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(2);
  const firstId = await rows.filter({ hasText: '1 2 4 7' }).getAttribute('data-session-id');
  const firstRow = page.locator(`[data-testid="session-row"][data-session-id="${firstId}"]`);
  await firstRow.getByTestId('btn-session-rename').click();
  await page.getByTestId('session-rename-input').fill('<b>my first</b> search');
  await page.getByTestId('session-rename-input').press('Enter');
  await expect(firstRow.getByTestId('session-name')).toHaveText('<b>my first</b> search');

  await firstRow.getByTestId('btn-session-open').click();
  await expect(page.getByTestId('phase-note')).toContainText('Reopened "<b>my first</b> search"');
  expect(byId(await drawnNodes(page))).toEqual(first);

  await page.reload();
  await expect(page.getByTestId('phase-note')).toContainText('Reopened', { timeout: 60_000 });
  await page.getByTestId('btn-sessions').click();
  await expect(page.getByTestId('session-row').filter({ hasText: 'my first' })).toHaveCount(1);
  await page
    .getByTestId('session-row')
    .filter({ hasText: '3 4 6 8' })
    .getByTestId('btn-session-delete')
    .click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  expect((await savedSessions(page)).map((s) => s.name)).toEqual(['<b>my first</b> search']);
});
