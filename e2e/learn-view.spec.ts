import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The Learn view (`?learn=1`): reached from the playground's header, its settings reach the run,
 * its charts draw one line per generation (counted in the DOM, never by pixels), it fits every
 * screen a lecturer meets, and Start runs a real, tiny round of self-play, training and measuring.
 */
const SIZES = [
  [1024, 768],
  [1280, 720],
  [1440, 900],
  [390, 844],
] as const;

const overflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

/** Whether every box of `selector` lies inside the window's width. */
const outside = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll(
      (els) =>
        els
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5)).length,
    );

async function setTiny(page: Page): Promise<void> {
  for (const [id, value] of [
    ['learn-rounds', '1'],
    ['learn-puzzles', '2'],
    ['learn-simulations', '4'],
    ['learn-epochs', '1'],
    ['learn-eval', '3'],
  ] as const)
    await page.getByTestId(id).fill(value);
}

test('the header opens the Learn view (in a row on a wide screen, under More on a narrow one) and it leads back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('btn-learn').click();
  await expect(page.getByTestId('learn-view')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('learn')).toBe('1');
  await page.getByTestId('btn-learn-back').click();
  await expect(page.getByTestId('app')).toBeVisible();

  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByTestId('btn-learn')).toBeHidden();
  await page.getByTestId('btn-header-menu').click();
  await page.getByTestId('btn-learn').click();
  await expect(page.getByTestId('learn-view')).toBeVisible();
});

test('settings reach the run; a bad value is shown with its message and changes nothing', async ({
  page,
}) => {
  await page.goto('/?learn=1');
  const start = page.getByTestId('btn-learn-start');
  await expect(start).toBeEnabled();
  await page.getByTestId('learn-rounds').fill('3');
  await expect(start).toHaveText('Start: 3 rounds');
  await page.getByTestId('learn-rounds').fill('0');
  await expect(page.getByTestId('error-learn-rounds')).toContainText('from 1 to 20');
  await expect(start).toHaveText('Start: 3 rounds');
  await page.getByTestId('learn-rounds').fill('1');
  await expect(page.getByTestId('error-learn-rounds')).toHaveCount(0);
  await expect(start).toHaveText('Start: 1 round');

  const valueChart = page.locator('[data-testid="loss-chart"][data-model="value"]');
  await expect(valueChart).toContainText('outcome');
  await page.getByTestId('learn-target-process').check();
  await expect(valueChart).toContainText('backed-up Q');
  await expect(page.getByTestId('learn-target-outcome')).not.toBeChecked();
});

test('Start runs a tiny real round: generation 0 and 1 each get a line, the losses are drawn, nothing overflows', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?learn=1');
  await setTiny(page);
  await page.getByTestId('btn-learn-start').click();
  // One main button at a time: Pause while it runs (never Start beside it), and Cancel.
  await expect(page.getByTestId('btn-learn-pause')).toBeVisible();
  await expect(page.getByTestId('btn-learn-start')).toHaveCount(0);
  await expect(page.getByTestId('btn-learn-cancel')).toBeVisible();
  await expect(page.getByTestId('generation-line')).toHaveCount(1, { timeout: 180_000 });
  await expect(page.getByTestId('learn-phase')).toHaveAttribute('data-phase', 'done', { timeout: 360_000 });

  const lines = page.getByTestId('generation-line');
  await expect(lines).toHaveCount(2);
  expect(await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual([
    'Gen 0',
    'Gen 1',
  ]);
  // Each generation's curve spans the measured budgets: a real width, inside the plot.
  const widths = await page
    .locator('[data-testid="generation-line"] > path:first-child')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(widths).toHaveLength(2);
  for (const w of widths) expect(w).toBeGreaterThan(50);
  await expect(page.getByTestId('generation-chain')).toHaveCount(2);
  await expect(page.getByTestId('generation-row')).toHaveCount(2);
  await expect(page.getByTestId('generation-item')).toHaveCount(2);
  await expect(page.getByTestId('btn-learn-start')).toHaveText('Continue from gen 1: 1 round');
  await expect(page.getByTestId('buffer-records')).toHaveText('2');
  // Both models reported round 1's training (two puzzles may give too few examples for a batch or a
  // held-out split; the measurement before training is always there).
  for (const model of ['policy', 'value'])
    await expect(
      page.locator(
        `[data-testid="loss-chart"][data-model="${model}"] [data-testid="loss-round"][data-round="1"]`,
      ),
    ).toHaveCount(1);

  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await expect.poll(() => overflow(page), `sideways overflow at ${width}x${height}`).toBeLessThanOrEqual(0);
    expect(await outside(page, '.learn-panel, .learn-chart svg, .learn-button')).toBe(0);
    await expect(page.getByTestId('generation-line')).toHaveCount(2);
  }

  // Kept across a reload: the same two generations come back from this browser's storage.
  await page.reload();
  await expect(page.getByTestId('generation-line')).toHaveCount(2);
  await expect(page.getByTestId('buffer-records')).toHaveText('2');

  // Clear asks first; Keep keeps, Clear empties the buffer (and the generations stay).
  await page.getByTestId('btn-buffer-clear').click();
  await page
    .getByRole('group', { name: 'Clear the replay buffer?' })
    .getByRole('button', { name: 'Keep' })
    .click();
  await expect(page.getByTestId('buffer-records')).toHaveText('2');
  await page.getByTestId('btn-buffer-clear').click();
  await page.getByTestId('btn-buffer-clear-yes').click();
  await expect(page.getByTestId('buffer-records')).toHaveText('0');
  await expect(page.getByTestId('generation-line')).toHaveCount(2);
});

test('a file that is not a replay buffer is refused with a message that can be dismissed; the buffer is unchanged', async ({
  page,
}) => {
  await page.goto('/?learn=1');
  await expect(page.getByTestId('btn-learn-start')).toBeEnabled();
  await page.getByTestId('input-buffer-file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "something-else", "records": []}'),
  });
  await expect(page.getByTestId('learn-message')).toContainText('notes.json was refused');
  await expect(page.getByTestId('buffer-records')).toHaveText('0');
  await page.getByTestId('btn-dismiss-message').click();
  await expect(page.getByTestId('learn-message')).toHaveCount(0);
});

test('Pause holds a run in self-play, Resume goes on, Cancel ends it; one main button at a time', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/?learn=1');
  await setTiny(page);
  await page.getByTestId('learn-puzzles').fill('30');
  await page.getByTestId('btn-learn-start').click();
  await expect(page.getByTestId('learn-phase')).toHaveAttribute('data-phase', 'self-play', {
    timeout: 180_000,
  });
  await page.getByTestId('btn-learn-pause').click();
  // It takes hold at the next puzzle: until then the button says it is coming, and takes no press.
  await expect(page.getByTestId('btn-learn-resume').or(page.getByTestId('btn-learn-pause'))).toHaveText(
    /Resume|Pausing…/,
  );
  await expect(page.getByTestId('btn-learn-resume')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('learn-phase')).toContainText('Round 1 · paused · self-play');
  await expect(page.getByTestId('btn-learn-pause')).toHaveCount(0);
  await expect(page.getByTestId('btn-learn-start')).toHaveCount(0);
  // The settings and the buffer wait for the run.
  await expect(page.getByTestId('learn-rounds')).toBeDisabled();
  await expect(page.getByTestId('btn-buffer-import')).toBeDisabled();
  await page.getByTestId('btn-learn-resume').click();
  await expect(page.getByTestId('btn-learn-pause')).toBeVisible();
  await page.getByTestId('btn-learn-cancel').click();
  await expect(page.getByTestId('learn-phase')).toHaveAttribute('data-phase', 'cancelled');
  await expect(page.getByTestId('btn-learn-start')).toBeVisible();
  await expect(page.getByTestId('btn-learn-cancel')).toHaveCount(0);
  await expect(page.getByTestId('learn-rounds')).toBeEnabled();
});

test('chart labels are readable from the back: 13 px and up, 20 px and up in the presenter view (Esc leaves it)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?learn=1&presenter=1');
  const smallest = () =>
    page
      .locator('.learn-chart svg text')
      .evaluateAll((els) => Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))));
  await expect(page.getByTestId('learn-view')).toHaveClass(/learn--presenter/);
  await expect(page.locator('.learn-chart svg text').first()).toBeVisible();
  expect(await smallest()).toBeGreaterThanOrEqual(20);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('learn-view')).not.toHaveClass(/learn--presenter/);
  expect(new URL(page.url()).searchParams.get('presenter')).toBeNull();
  expect(new URL(page.url()).searchParams.get('learn')).toBe('1');
  expect(await smallest()).toBeGreaterThanOrEqual(13);
});
