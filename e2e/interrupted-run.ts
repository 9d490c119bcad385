import type { Page } from '@playwright/test';
import { drawnNodes, expect, openReady, type DrawnNode } from './fixtures';

/**
 * The fault tests' search: long enough to be cut in the middle at the "fast" speed (60 ms
 * between phases), with the whole budget spent so that its end is always the same tree.
 */
export const FAULT_SETUP =
  '?numbers=4,5,6,10&target=24&strategy=mcts&sims=32&k=16&seed=3&backend=wasm&stop=budget';
export const FAULT_DONE = '32 / 32 simulations';

export const byId = (nodes: DrawnNode[]) =>
  [...nodes].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

/**
 * Runs the search to its end with nothing going wrong (the reference tree), then starts it over
 * at the fast speed and returns once it is well into it, far from its end: ready to be disturbed.
 */
export async function referenceThenRestart(page: Page): Promise<DrawnNode[]> {
  await openReady(page, FAULT_SETUP);
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText(FAULT_DONE, { timeout: 60_000 });
  const reference = byId(await drawnNodes(page));
  await page.getByTestId('btn-reset').click();
  await page.getByTestId('speed').selectOption('60');
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText(/\b([6-9]|1\d) \/ 32 simulations/, {
    timeout: 30_000,
  });
  return reference;
}
