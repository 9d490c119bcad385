import type { Page, Worker } from '@playwright/test';
import { drawnNodes, expect, test } from './fixtures';
import { byId, FAULT_DONE, referenceThenRestart } from './interrupted-run';

function modelWorker(page: Page): Worker {
  const worker = page.workers().find((w) => w.url().includes('worker'));
  if (!worker)
    throw new Error(
      `no model worker among ${page
        .workers()
        .map((w) => w.url())
        .join(', ')}`,
    );
  return worker;
}

/**
 * The worker that runs the models dies in the middle of a search; the page notices (within 5 s),
 * starts a new one, loads the models again and sends the requests in flight again. Requests are
 * seeded, so the search must end with exactly the tree of a run where nothing happened.
 */
for (const [how, kill] of [
  ['closes itself', (w: Worker) => w.evaluate(() => self.close())],
  [
    'throws an error it does not catch',
    (w: Worker) =>
      w.evaluate(() => {
        setTimeout(() => {
          throw new Error('e2e: thrown inside the model worker on purpose');
        });
      }),
  ],
] as const) {
  test(`a model worker that ${how} mid-search is replaced, and the search ends with no node lost`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const reference = await referenceThenRestart(page);
    const before = await drawnNodes(page);
    const old = modelWorker(page);
    // The worker may be gone before it answers: what the evaluation returns does not matter.
    const killedAt = Date.now();
    await kill(old).catch(() => undefined);
    await expect(page.getByTestId('worker-note')).toBeVisible({ timeout: 30_000 });
    // Reported, not asserted (times depend on the machine): the issue asks for under 5 s.
    console.log(`worker that ${how}: noticed after ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
    await expect(page.getByTestId('worker-note')).toHaveAttribute('data-state', 'restored', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('worker-note')).toContainText(/stopped .*loaded the models again/);
    await expect(page.getByTestId('search-status')).toContainText(FAULT_DONE, { timeout: 60_000 });
    const after = byId(await drawnNodes(page));
    const ids = new Set(after.map((n) => n.id));
    for (const n of before) expect(ids.has(n.id), `${n.id} is still there`).toBe(true);
    expect(after).toEqual(reference);
    await expect(page.getByTestId('error')).toHaveCount(0);
  });
}
