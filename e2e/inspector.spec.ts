import type { Locator, Page } from '@playwright/test';
import {
  drawnNodes,
  expect,
  inspectBusiestRootChild,
  node,
  openReady,
  test,
  type DrawnNode,
} from './fixtures';

const SETUP = '?numbers=1,2,4,7&target=24&strategy=mcts&sims=8&seed=1&backend=wasm&stop=budget';

/** The value after a statistic's label in the inspector. */
function stat(page: Page, label: string): Locator {
  return page
    .getByTestId('inspector-stats')
    .locator('dt', { hasText: new RegExp(`^${label.replace(/[()/]/g, '\\$&')}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/** The step text of a drawn node: the first line of its tooltip. */
async function stepText(page: Page, id: string): Promise<string> {
  const title = (await node(page, id).locator('title').textContent()) ?? '';
  return title.split('\n')[0] ?? '';
}

/** Runs the seeded search to its budget and returns the drawn tree, settled. */
async function runToBudget(page: Page, query: string): Promise<DrawnNode[]> {
  await openReady(page, query);
  await page.getByTestId('btn-run').click();
  const status = page.getByTestId('search-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(status).toContainText('8 / 8');
  const [root] = await drawnNodes(page);
  if (!root) throw new Error('no root drawn');
  // The drawn tree lags the store by up to one redraw: wait until the root shows the final N.
  await node(page, root.id).click();
  const n = (await stat(page, 'N').textContent()) ?? '';
  await expect(node(page, root.id)).toHaveAttribute('data-visits', n);
  return drawnNodes(page);
}

interface ScoreRow {
  id: string;
  p: number;
  n: number;
  q: number;
  u: number;
  score: number;
  picked: boolean;
  own: boolean;
}

const NUMBER = /^(-?\d+\.\d{3}|∞|−∞)$/;
const num = (s: string) => (s === '∞' ? Infinity : s === '−∞' ? -Infinity : Number(s));

async function scoreRows(page: Page): Promise<ScoreRow[]> {
  const rows = await page
    .getByTestId('score-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-testid')?.replace('score-row-', '') ?? '',
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
        picked: tr.getAttribute('data-picked') === 'true',
        own: tr.getAttribute('data-own') === 'true',
      })),
    );
  return rows.map(({ id, cells, picked, own }) => {
    const [, p = '', n = '', q = '', u = '', score = ''] = cells;
    for (const x of [q, u, score]) expect(x, `a score cell of ${id}`).toMatch(NUMBER);
    return { id, p: Number(p), n: Number(n), q: num(q), u: num(u), score: num(score), picked, own };
  });
}

/**
 * Exactly one row picked, and it has the highest score shown. (Scores are shown to 3 decimals, so
 * two rows can show the same best score; the engine then picked the truly higher one.)
 */
function expectPicked(rows: ScoreRow[]): void {
  const picked = rows.filter((r) => r.picked);
  expect(picked).toHaveLength(1);
  expect(picked[0]?.score).toBe(Math.max(...rows.map((r) => r.score)));
}

test('a node shows its reasoning path, N, W, Q and the PUCT scores of its siblings', async ({ page }) => {
  const nodes = await runToBudget(page, SETUP);
  const root = nodes.find((n) => n.parent === '');
  const children = nodes.filter((n) => n.parent === root?.id);
  // The deepest drawn node with visits: its path has at least two steps after the prompt.
  const depth = (n: DrawnNode): number => {
    const parent = nodes.find((p) => p.id === n.parent);
    return parent ? 1 + depth(parent) : 0;
  };
  const target = nodes
    .filter((n) => n.visits > 0)
    .sort((a, b) => depth(b) - depth(a) || b.visits - a.visits)[0];
  if (!root || !target) throw new Error('no tree');
  expect(depth(target)).toBeGreaterThanOrEqual(2);
  expect(children.length).toBeGreaterThan(1);

  await node(page, target.id).click();
  const inspector = page.getByTestId('node-inspector');
  await expect(inspector).toHaveAttribute('aria-label', `Node ${target.id}`);
  await expect(inspector.locator('.inspector__title')).toContainText(`Node ${target.id}`);

  // The prompt as the models read it, then one numbered line per step from the root down.
  const chain: string[] = [];
  for (let id = target.id; id !== root.id;) {
    chain.unshift(id);
    id = nodes.find((n) => n.id === id)?.parent ?? root.id;
  }
  const lines = page.getByTestId('reasoning-path').locator('.inspector__path-line');
  await expect(lines).toHaveCount(chain.length + 1);
  await expect(lines.first()).toHaveText('1 2 4 7 -> 24');
  for (const [i, id] of chain.entries()) {
    const text = await stepText(page, id);
    expect(text).toMatch(/=/);
    await expect(lines.nth(i + 1)).toHaveText(`${i + 1}. ${text}`);
    await expect(lines.nth(i + 1)).toHaveAttribute('title', id);
  }

  // N is the drawn visits; Q = W / N.
  await expect(stat(page, 'N')).toHaveText(String(target.visits));
  const w = Number(await stat(page, 'W').textContent());
  const q = Number(await stat(page, 'Q = W / N').textContent());
  expect(Number.isFinite(w) && Number.isFinite(q)).toBe(true);
  expect(q).toBeCloseTo(w / target.visits, 2);

  // The score table: the node and all its siblings, each with numeric Q, U and Q + U.
  const siblings = nodes.filter((n) => n.parent === target.parent);
  const parent = nodes.find((n) => n.id === target.parent);
  await expect(page.locator('.inspector__scores-caption')).toContainText(
    `PUCT score = Q + U, with U = c·P·√N(parent) / (1 + N) = 1·P·√${parent?.visits} / (1 + N)`,
  );
  const rows = await scoreRows(page);
  expect(rows.map((r) => r.id).sort()).toEqual(siblings.map((n) => n.id).sort());
  const parentVisits = parent?.visits ?? 0;
  for (const r of rows) {
    expect(r.n).toBe(siblings.find((n) => n.id === r.id)?.visits);
    expect(r.u).toBeCloseTo((r.p * Math.sqrt(parentVisits)) / (1 + r.n), 2);
    expect(r.score).toBeCloseTo(r.q + r.u, 2);
  }
  expect(rows.filter((r) => r.own).map((r) => r.id)).toEqual([target.id]);
  expect(rows.find((r) => r.own)?.q).toBeCloseTo(q, 3);
  expectPicked(rows);

  // The root has no siblings to score.
  await node(page, root.id).click();
  await expect(page.getByTestId('score-table')).toHaveCount(0);
  await expect(page.getByTestId('node-inspector')).toContainText('The root has no siblings');
  await expect(lines).toHaveCount(1);
});

test('with selection=uct the table shows the UCT formula and picks by it', async ({ page }) => {
  const nodes = await runToBudget(page, `${SETUP}&selection=uct`);
  await expect(page.getByTestId('select-selection')).toHaveValue('uct');
  const root = nodes.find((n) => n.parent === '');
  const child = nodes.filter((n) => n.parent === root?.id).sort((a, b) => b.visits - a.visits)[0];
  if (!root || !child) throw new Error('no child of the root');
  await node(page, child.id).click();
  await expect(page.getByTestId('node-inspector')).toHaveAttribute('aria-label', `Node ${child.id}`);
  const caption = page.locator('.inspector__scores-caption');
  await expect(caption).toContainText(
    `UCT score = Q + U, with U = c·√(ln N(parent) / N) = 1·√(ln ${root.visits} / N)`,
  );
  await expect(caption).not.toContainText('PUCT');
  const rows = await scoreRows(page);
  expect(rows).toHaveLength(nodes.filter((n) => n.parent === root.id).length);
  for (const r of rows) {
    if (r.n === 0) expect(r.u).toBe(Infinity);
    else expect(r.u).toBeCloseTo(Math.sqrt(Math.log(root.visits) / r.n), 2);
  }
  expectPicked(rows);
});

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`the sibling score table fits its panel at ${viewport.width}x${viewport.height}, no column cut`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const table = await inspectBusiestRootChild(page, await runToBudget(page, SETUP));
    const fit = await table.evaluate((el) => {
      const scroller = el.parentElement as HTMLElement;
      const panel = el.closest('[data-testid="node-inspector"]') as HTMLElement;
      const pick = el.querySelector('[data-picked="true"] .inspector__pick') as HTMLElement;
      return {
        tableRight: el.getBoundingClientRect().right,
        panelRight: panel.getBoundingClientRect().right,
        pickRight: pick.getBoundingClientRect().right,
        scrollWidth: scroller.scrollWidth,
        clientWidth: scroller.clientWidth,
      };
    });
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.tableRight).toBeLessThanOrEqual(fit.panelRight);
    // The "picks" mark, in the last column, is inside the panel too.
    expect(fit.pickRight).toBeLessThanOrEqual(fit.panelRight);
    await expect(table.locator('[data-picked="true"] .inspector__pick')).toBeInViewport({ ratio: 1 });
    // Each step reads as its equation, uncut (the whole step is in the tooltip).
    const steps = await table
      .locator('td.inspector__step')
      .evaluateAll((tds) =>
        tds.map((td) => ({ text: td.textContent ?? '', cut: td.scrollWidth > td.clientWidth + 1 })),
      );
    for (const step of steps)
      expect(step).toEqual({ text: expect.stringMatching(/^\d+[−+×÷]\d+=\d+$/), cut: false });
  });
}
