import { confirmDownload, expect, HUB_URL, node, test } from './fixtures';

/**
 * The Refine operator on a hub model: the project's fixture chat model (e2e/hub) on the math task.
 * Threshold 1 refines every step the self-evaluation is not certain of, so the operator runs
 * whatever this math-blind fixture writes; what is checked is the mechanics, drawn and told.
 */
const MODEL = 'rlm-playground/tiny-math-chat';
const SETUP = `?task=math&problem=m01&policy=${MODEL}&value=self-eval&hub=${encodeURIComponent(HUB_URL)}&backend=wasm&strategy=mcts&sims=2&k=2&seed=1&refine=on&threshold=1&stop=budget`;

test.beforeEach(async ({ request }) => {
  await request.post(`${HUB_URL}/__hub/reset`);
});

test('refine on a hub model: the phase note tells it, a refine edge joins each step to its rewrite, the inspector quotes the critique', async ({
  page,
}) => {
  await page.goto(`/${SETUP}`);
  await confirmDownload(page);
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 90_000 });
  await page.getByTestId('speed').selectOption('0');
  await page.getByTestId('btn-setup').click();
  await expect(page.getByTestId('input-refine')).toBeChecked();
  await expect(page.getByTestId('explain-refine')).toContainText('critique');
  await page.getByTestId('btn-setup-close').click();

  // select, expand, then evaluate: the evaluate phase scores the children and refines them.
  const note = page.getByTestId('phase-note');
  for (let i = 0; i < 3; i++) await page.getByTestId('btn-step-phase').click();
  await expect(note).toContainText('Refine n', { timeout: 60_000 });
  await expect(note).toContainText('Critique:');

  const arcs = page.locator('[data-testid="tree-edge"][data-refine="true"]');
  await expect.poll(() => arcs.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const rewriteId = await arcs.first().getAttribute('data-target-id');
  const originalId = await arcs.first().getAttribute('data-source-id');
  // The rewrite is the original's sibling: both hang from the same parent.
  const parentOf = (id: string | null) => node(page, id ?? '').getAttribute('data-parent-id');
  expect(await parentOf(rewriteId)).toBe(await parentOf(originalId));

  await node(page, rewriteId ?? '').click();
  await expect(page.getByTestId('inspector-refine')).toContainText(`Rewrite of ${originalId}`);
  await expect(page.getByTestId('inspector-refine')).toContainText('Critique:');

  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('2 / 2', { timeout: 90_000 });
  expect(await arcs.count()).toBeGreaterThan(0);
});
