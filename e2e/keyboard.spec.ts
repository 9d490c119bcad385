import { drawnNodes, expect, openReady, test } from './fixtures';

const SETUP = '?numbers=3,4,4,13&target=24&strategy=mcts&sims=16&seed=2&backend=wasm&stop=budget';

test('the keyboard shortcuts drive the search: phase, step, backtrack, reset', async ({ page }) => {
  await openReady(page, SETUP);
  const badge = page.getByTestId('phase-note').locator('[data-phase]').first();
  const status = page.getByTestId('search-status');
  const nodes = page.getByTestId('tree-node');
  await expect(badge).toHaveAttribute('data-phase', 'start');
  await expect(nodes).toHaveCount(1);

  // F and '.' both run one phase.
  await page.keyboard.press('f');
  await expect(badge).toHaveAttribute('data-phase', 'select');
  await expect(nodes).toHaveCount(1);
  await page.keyboard.press('.');
  await expect(badge).toHaveAttribute('data-phase', 'expand');
  await expect.poll(() => nodes.count()).toBeGreaterThan(1);
  await expect(status).toContainText('0 / 16');
  const expanded = await drawnNodes(page);
  const root = expanded.find((n) => n.parent === '');
  if (!root) throw new Error('no root drawn');

  // S finishes the simulation: evaluate, then backpropagate into the root.
  await page.keyboard.press('s');
  await expect(status).toContainText('1 / 16');
  await expect(badge).toHaveAttribute('data-phase', 'backpropagate');
  await expect
    .poll(async () => (await drawnNodes(page)).find((n) => n.id === root.id)?.visits)
    .toBeGreaterThan(root.visits);

  // Z undoes the backpropagation: the root loses what it received, the evaluated children keep
  // their own visit. Backspace then undoes the evaluation too.
  await page.keyboard.press('z');
  await expect(status).toContainText('0 / 16');
  await expect(page.getByTestId('phase-note')).toContainText('Backtrack');
  await expect(page.getByTestId('btn-step-phase')).toContainText('backpropagate');
  await expect
    .poll(async () => (await drawnNodes(page)).find((n) => n.id === root.id)?.visits)
    .toBe(root.visits);
  const evaluated = await drawnNodes(page);
  expect(evaluated.map((n) => n.id)).toEqual(expanded.map((n) => n.id));
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('btn-step-phase')).toContainText('evaluate');
  await expect.poll(() => drawnNodes(page)).toEqual(expanded);

  // R starts over from a lone root.
  await page.keyboard.press('r');
  await expect(badge).toHaveAttribute('data-phase', 'start');
  await expect(nodes).toHaveCount(1);
  await expect(status).toContainText('0 / 16');
  await expect(page.getByTestId('btn-step-phase')).toContainText('select');
});

test('keys typed into a field belong to the field, not to the shortcuts', async ({ page }) => {
  await openReady(page, SETUP);
  const status = page.getByTestId('search-status');
  const nodes = page.getByTestId('tree-node');
  const numbers = page.getByTestId('input-numbers');
  // A search in progress, which a stray Reset would throw away.
  await page.keyboard.press('s');
  await expect(status).toContainText('1 / 16');

  // Below 1600 px the setup is a drawer behind its header button.
  await page.getByTestId('btn-setup').click();
  await numbers.click();
  await numbers.press('End');
  // A shortcut would swallow the key (it prevents the default) and step instead.
  await numbers.press('s');
  await expect(numbers).toHaveValue('3,4,4,13s');
  await expect(page.getByTestId('error-numbers')).toContainText('"13s"');
  await expect(status).toHaveText('no search');
  await numbers.press('Backspace');
  await expect(numbers).toHaveValue('3,4,4,13');
  await expect(status).toContainText('0 / 16');
  await numbers.press('r');
  await expect(numbers).toHaveValue('3,4,4,13r');
  await numbers.press('Backspace');
  await expect(numbers).toHaveValue('3,4,4,13');
  await expect(status).toContainText('0 / 16');
  await expect(nodes).toHaveCount(1);
  await expect(page.getByTestId('phase-note').locator('[data-phase]').first()).toHaveAttribute(
    'data-phase',
    'start',
  );

  // Out of the field, the same key steps again.
  await numbers.blur();
  await page.keyboard.press('s');
  await expect(status).toContainText('1 / 16');
  await expect.poll(() => nodes.count()).toBeGreaterThan(1);
});
