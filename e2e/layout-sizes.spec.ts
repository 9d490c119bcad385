import type { Page } from '@playwright/test';
import { drawnNodes, expect, inspectBusiestRootChild, openReady, test } from './fixtures';

/**
 * The layout at the screen sizes a lecturer meets, checked by bounding boxes: the tree canvas is
 * the largest thing on the screen, nothing overflows sideways, the toolbar keeps to one row from
 * 1280 px up, and the header keeps its height whatever the status says.
 */
const SEARCH = '?numbers=1,8,10,11&target=24&sims=32&seed=1&backend=wasm&stop=budget';

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
};

const overflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

async function runToDone(page: Page): Promise<void> {
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
}

/** The vertical centres of the toolbar's buttons, select and help toggle. */
const toolbarCentres = (page: Page) =>
  page
    .getByTestId('controls')
    .locator('button, select, summary')
    .evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.textContent?.trim() ?? '', middle: r.top + r.height / 2, right: r.right };
      }),
    );

for (const [width, height] of [
  [1024, 768],
  [1280, 720],
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`${width}x${height}: the canvas is the largest thing, one header height, nothing overflows`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openReady(page, SEARCH);
    const header = (await box(page, '.app-header')).height;
    await runToDone(page);
    // A long status line now ("32 / 32 simulations · … tokens · solved ✓ first at … · done").
    await expect(page.getByTestId('search-status')).toContainText('done');
    expect((await box(page, '.app-header')).height).toBe(header);

    const canvas = await box(page, '.tree-canvas');
    expect(canvas.width).toBeGreaterThanOrEqual(0.55 * width);
    expect(canvas.height).toBeGreaterThan(0.5 * height);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // Every header control sits on the header's one line, inside the window.
    const headerBox = await box(page, '.app-header');
    for (const b of await page.locator('.app-header button:visible, .app-header a:visible').all()) {
      const r = await b.boundingBox();
      expect(r, await b.innerText()).not.toBeNull();
      if (!r) continue;
      expect(r.y).toBeGreaterThanOrEqual(headerBox.y);
      expect(r.y + r.height).toBeLessThanOrEqual(headerBox.y + headerBox.height);
      expect(r.x + r.width).toBeLessThanOrEqual(width);
    }

    const controls = await box(page, '[data-testid="controls"]');
    const centres = await toolbarCentres(page);
    for (const c of centres) expect(c.right, c.name).toBeLessThanOrEqual(controls.x + controls.width);
    if (width >= 1280) {
      const first = centres[0]?.middle ?? 0;
      for (const c of centres) expect(Math.abs(c.middle - first), c.name).toBeLessThanOrEqual(4);
    }
    // The settings are one labelled press away where they are not docked.
    if (width < 1600) await expect(page.getByTestId('btn-setup')).toBeVisible();
  });
}

test('the setup drawer: a labelled button opens it beside the canvas, Escape and a press elsewhere close it', async ({
  page,
}) => {
  await openReady(page, SEARCH);
  const numbers = page.getByTestId('input-numbers');
  await expect(numbers).not.toBeInViewport();
  await page.getByTestId('btn-setup').click();
  await expect(numbers).toBeInViewport({ ratio: 1 });
  // It pushes the canvas aside rather than covering the controls: Run is still pressable.
  await expect(page.getByTestId('btn-run')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(numbers).not.toBeInViewport();

  await page.getByTestId('btn-setup').click();
  await expect(numbers).toBeInViewport({ ratio: 1 });
  await page.getByTestId('phase-note').click();
  await expect(numbers).not.toBeInViewport();
  // A field reached from the keyboard brings its drawer with it.
  await numbers.focus();
  await expect(numbers).toBeInViewport({ ratio: 1 });
  // A press on the toolbar while it is out lands on the button pressed (the drawer closes after
  // the click, so nothing moves under the pointer), then the drawer goes.
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 32');
  await expect(numbers).not.toBeInViewport();
});

test('390x844 phone: one column, a tall canvas, Run pressable, the lesson and the setup reachable', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openReady(page, SEARCH);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  const canvas = await box(page, '.tree-canvas');
  expect(canvas.height).toBeGreaterThan(0.4 * 844);
  expect(canvas.x).toBeGreaterThanOrEqual(0);
  expect(canvas.x + canvas.width).toBeLessThanOrEqual(390);
  const header = (await box(page, '.app-header')).height;

  // A real click: nothing lies over the Run button.
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  expect((await drawnNodes(page)).length).toBeGreaterThan(1);
  expect((await box(page, '.app-header')).height).toBe(header);
  expect(await overflow(page)).toBeLessThanOrEqual(0);

  await page.getByTestId('btn-lesson').click();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toBeVisible();
  await expect(lesson.locator('h2')).toBeInViewport();
  await page.getByTestId('btn-lesson-close').click();
  await expect(lesson).toHaveCount(0);

  await page.getByTestId('btn-setup').click();
  await expect(page.getByTestId('input-numbers')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('input-numbers')).not.toBeInViewport();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});

/** Font sizes of the toolbar's buttons and the phase note's text, in CSS px. */
const typeSizes = (page: Page) =>
  page.evaluate(() => {
    const size = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
    return {
      run: size(document.querySelector('[data-testid="btn-run"]')),
      note: size(document.querySelector('.phase-note__text')),
      status: size(document.querySelector('[data-testid="search-status"]')),
    };
  });

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`presenter=1 opens the presenter view at ${width}x${height}: larger toolbar and phase note, the PUCT table whole`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openReady(page, SEARCH);
    const normal = await typeSizes(page);

    await openReady(page, `${SEARCH}&presenter=1`);
    await expect(page.getByTestId('app')).toHaveAttribute('data-presenter', 'true');
    await expect(page).toHaveURL(/presenter=1/);
    const large = await typeSizes(page);
    expect(large.run).toBeGreaterThan(normal.run);
    expect(large.note).toBeGreaterThan(normal.note);
    expect(large.status).toBeGreaterThan(normal.status);

    await runToDone(page);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect((await box(page, '.tree-canvas')).width).toBeGreaterThanOrEqual(0.55 * width);
    const table = await inspectBusiestRootChild(page, await drawnNodes(page));
    const fit = await table.evaluate((el) => {
      const panel = el.closest('[data-testid="side-panel"]') as HTMLElement;
      const scroller = el.parentElement as HTMLElement;
      return {
        font: parseFloat(getComputedStyle(el).fontSize),
        tableRight: el.getBoundingClientRect().right,
        panelRight: panel.getBoundingClientRect().right,
        scrollWidth: scroller.scrollWidth,
        clientWidth: scroller.clientWidth,
      };
    });
    expect(fit.font).toBeGreaterThan(12);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.tableRight).toBeLessThanOrEqual(fit.panelRight);

    // Escape leaves it, the lesson never having been opened; the address forgets it too.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('app')).toHaveAttribute('data-presenter', 'false');
    await expect(page).not.toHaveURL(/presenter=1/);
  });
}
