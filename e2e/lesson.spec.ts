import type { Page } from '@playwright/test';
import { LESSON_OUTLINE } from '../src/ui/lesson/lesson-outline';
import { LEARN_RUN } from '../src/ui/lesson/steps/learn-run';
import { drawnNodes, expect, openReady, test } from './fixtures';

/** The lecturer's notes of the step on the screen: present, open, and the outline's own text. */
async function expectNotes(page: Page, id: string): Promise<void> {
  const notes = LESSON_OUTLINE.find((s) => s.id === id)?.notes;
  expect(notes, `the outline has the step ${id}`).toBeDefined();
  const panel = page.getByTestId('lesson-notes');
  await expect(panel).toHaveAttribute('open', '');
  for (const [testId, text] of [
    ['lesson-notes-say', notes?.say],
    ['lesson-notes-question', notes?.question.ask],
    ['lesson-notes-question-answer', notes?.question.answer],
    ['lesson-notes-exercise', notes?.exercise.task],
    ['lesson-notes-exercise-answer', notes?.exercise.answer],
  ] as const) {
    expect(text?.trim(), `${id}: ${testId}`).toBeTruthy();
    await expect(panel.getByTestId(testId)).toBeVisible();
    await expect(panel.getByTestId(testId)).toContainText(text ?? '');
  }
  await expect(panel.getByTestId('lesson-notes-time')).toContainText(`${notes?.minutes} min`);
  await expect(panel.getByTestId('lesson-notes-time')).toContainText('of 45');
}

/** The steps the walk has reached, in order: at the end, every step of the outline. */
const walked: string[] = [];

/** Moves to the next lesson step, waits until it has driven the playground to its point, checks its notes. */
async function next(page: Page, id: string): Promise<void> {
  await page.getByTestId('btn-lesson-next').click();
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-step-id', id);
  await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expectNotes(page, id);
  walked.push(id);
}

const selectedId = (page: Page) =>
  page.locator('[data-testid="tree-node"][data-selected="true"]').first().getAttribute('data-node-id');
const attr = async (page: Page, testId: string, name: string) =>
  Number(await page.getByTestId(testId).getAttribute(name));

const phase = (page: Page) => page.getByTestId('phase-note').locator('[data-phase]').first();

test('the guided lesson, walked end to end on the embedded models, every step with its notes', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Opened away from the lesson's puzzle: the lesson sets up its own.
  await openReady(page, '?numbers=3,4,4,13&target=24&strategy=beam&backend=wasm');
  await page.getByTestId('btn-lesson').click();
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-step-id', 'intro');
  await expect(step).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('lesson-count')).toHaveText(`1 / ${LESSON_OUTLINE.length}`);
  await expectNotes(page, 'intro');
  walked.push('intro');
  expect(page.url()).toContain('numbers=1,8,10,11');
  expect(page.url()).toContain('strategy=mcts');
  expect(await drawnNodes(page)).toHaveLength(1);

  // The policy: the root is expanded, and the lesson lists as many steps as the tree shows.
  await next(page, 'policy');
  await expect(phase(page)).toHaveAttribute('data-phase', 'expand');
  const rootChildren = (await drawnNodes(page)).filter((n) => n.parent === 'n0').length;
  expect(rootChildren).toBeGreaterThan(1);
  await expect(page.getByTestId('lesson-root-children')).toHaveText(String(rootChildren));

  // The value model: the children are scored and backed up into the root.
  await next(page, 'value');
  await expect(phase(page)).toHaveAttribute('data-phase', 'backpropagate');
  const root = (await drawnNodes(page)).find((n) => n.id === 'n0');
  expect(root?.visits).toBeGreaterThan(0);
  await expect(page.getByTestId('lesson-root-visits')).toHaveText(String(root?.visits));
  // This engine counts every new child at expansion: after one simulation N(root) = its children.
  expect(root?.visits).toBe(rootChildren);

  // One iteration phase by phase; Select shows PUCT filled in for the node it picked.
  await next(page, 'select');
  await expect(phase(page)).toHaveAttribute('data-phase', 'select');
  const puct = page.getByTestId('lesson-puct');
  await expect(puct).toContainText('Q + c · P · √N(parent) / (1 + N)');
  const picked = await puct.getAttribute('data-node-id');
  await expect(page.locator(`[data-testid="tree-node"][data-node-id="${picked}"]`)).toHaveAttribute(
    'data-selected',
    'true',
  );
  expect(Number.isFinite(Number(await puct.getAttribute('data-score')))).toBe(true);
  for (const id of ['expand', 'evaluate', 'backpropagate'] as const) {
    await next(page, id);
    await expect(phase(page)).toHaveAttribute('data-phase', id);
  }
  await expect(page.getByTestId('lesson-backprop').locator('tbody tr').first()).toBeVisible();

  // What N counts: evaluations, not simulations (AlphaZero's N(root) would be the simulations run).
  await next(page, 'counts');
  const sims = await attr(page, 'lesson-counts', 'data-simulations');
  const rootVisits = await attr(page, 'lesson-counts', 'data-root-visits');
  expect(sims).toBe(2);
  expect(rootVisits).toBe(await attr(page, 'lesson-counts', 'data-children-sum'));
  expect(rootVisits).toBeGreaterThan(sims);
  expect(await attr(page, 'lesson-counts', 'data-unvisited')).toBe(0);
  await expect(page.getByTestId('lesson-counts-first')).toHaveText(String(rootChildren));
  expect((await drawnNodes(page)).find((n) => n.id === 'n0')?.visits).toBe(rootVisits);

  // Priors: the pick at c is the child selected on the tree; it follows the slider.
  await next(page, 'priors');
  const slider = page.getByTestId('lesson-c');
  const picks = new Set<string>();
  for (const c of ['0', '1', '4']) {
    await slider.fill(c);
    await expect(page.getByTestId('lesson-c-value')).toHaveText(Number(c).toFixed(1));
    const id = await page.getByTestId('lesson-pick').getAttribute('data-node-id');
    await expect(page.locator(`[data-testid="tree-node"][data-node-id="${id}"]`)).toHaveAttribute(
      'data-selected',
      'true',
    );
    picks.add(id ?? '');
  }
  expect(picks.size).toBeGreaterThan(1);

  // PUCT vs UCT: each rule's pick on the live root is the one selected on the tree; then a race.
  await next(page, 'puct-uct');
  for (const rule of ['puct', 'uct'] as const) {
    await page.getByTestId(`btn-lesson-rule-${rule}`).click();
    const id = await page.getByTestId(`lesson-pick-${rule}`).getAttribute('data-node-id');
    await expect(page.locator(`[data-testid="tree-node"][data-node-id="${id}"]`)).toHaveAttribute(
      'data-selected',
      'true',
    );
    // The table scores the root's children by the rule chosen.
    await expect(page.getByTestId('lesson-step').locator('.inspector__scores')).toContainText(
      `${rule.toUpperCase()} score`,
    );
  }
  await page.getByTestId('btn-lesson-selection-race').click();
  await expect(page.getByTestId('lesson-selection-race')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  const race = async (rule: string, name: string) =>
    Number(
      await page.locator(`[data-testid="lesson-selection-row"][data-selection="${rule}"]`).getAttribute(name),
    );
  // What the notes say: PUCT solves as many of the twelve for fewer tokens.
  expect(await race('puct', 'data-solved')).toBeGreaterThanOrEqual(await race('uct', 'data-solved'));
  expect(await race('puct', 'data-tokens')).toBeLessThan(await race('uct', 'data-tokens'));
  // No puzzle is solved before its third simulation.
  expect(await race('puct', 'data-simulations')).toBeGreaterThanOrEqual(3 * 12);

  await next(page, 'run');
  await expect(page.getByTestId('lesson-run-result')).toHaveAttribute('data-solved', 'true');
  await expect(page.getByTestId('search-status')).toContainText('solved');

  // The final answer: the first verified solution, selected on the tree; the other candidates shown.
  await next(page, 'answer');
  const answer = page.getByTestId('lesson-answer');
  const chosen = await answer.getAttribute('data-chosen');
  expect(chosen).toBeTruthy();
  const row = (rule: string) => page.locator(`[data-testid="lesson-answer-now-row"][data-rule="${rule}"]`);
  await expect(page.getByTestId('lesson-answer-now')).toHaveAttribute('data-engine-rule', 'verified');
  await expect(row('verified')).toHaveAttribute('data-node-id', chosen ?? '');
  await expect.poll(() => selectedId(page)).toBe(chosen);
  const mostVisited = await row('visits').getAttribute('data-node-id');
  await row('visits').getByRole('button').click();
  await expect.poll(() => selectedId(page)).toBe(mostVisited);
  // On the twelve puzzles: a verified answer always; the most-visited path less often when the
  // solution is new than after the budget (what the notes' exercise answers).
  await page.getByTestId('btn-lesson-answer-rules').click();
  const rules = page.getByTestId('lesson-answer-rules');
  await expect(rules).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  const rulesRow = async (rule: string, name: string) =>
    Number(await rules.locator(`[data-rule="${rule}"]`).getAttribute(name));
  const solvedPuzzles = Number(await rules.getAttribute('data-solved'));
  expect(solvedPuzzles).toBeGreaterThan(0);
  expect(await rulesRow('verified', 'data-first')).toBe(solvedPuzzles);
  expect(await rulesRow('visits', 'data-first')).toBeLessThan(await rulesRow('visits', 'data-end'));

  await next(page, 'strategies');
  await page.getByTestId('btn-lesson-race').click();
  await expect(page.getByTestId('lesson-race')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('lesson-race-row')).toHaveCount(4);
  await expect(page.locator('[data-testid="lesson-race-row"][data-strategy="mcts"]')).toHaveAttribute(
    'data-solved',
    'true',
  );

  // The toolbox: the same puzzle under every strategy and variant, with the operators each emitted.
  await next(page, 'toolbox');
  await page.getByTestId('btn-lesson-toolbox').click();
  await expect(page.getByTestId('lesson-toolbox')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  await expect(page.getByTestId('lesson-toolbox-row')).toHaveCount(8);
  const solverRow = page.locator('[data-testid="lesson-toolbox-row"][data-id="solver"]');
  await expect(solverRow.locator('td').nth(3)).toHaveText('0');
  await expect(page.locator('[data-testid="lesson-toolbox-row"][data-id="bfs"]')).toContainText('pruned');

  // Test-time compute: the batch runs live and the curve never falls as the budget grows.
  await next(page, 'scaling');
  await page.getByTestId('btn-lesson-scaling').click();
  await expect(page.getByTestId('lesson-scaling')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  const rates = await page
    .getByTestId('scaling-point')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-rate'))));
  expect(rates).toHaveLength(7);
  for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1] ?? 0);
  expect(rates.at(-1)).toBeGreaterThan(rates[0] ?? 0);
  // Budgets 1 and 2: nothing can be solved (a solution is three steps, one expansion each).
  expect(rates.slice(0, 2)).toEqual([0, 0]);

  // Why: the tree grows at most one step deeper per simulation, traced live on the lesson's puzzle.
  await next(page, 'depth');
  await page.getByTestId('btn-lesson-depth').click();
  await expect(page.getByTestId('lesson-depth')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const trace = await page.getByTestId('lesson-depth-row').evaluateAll((rows) =>
    rows.map((r) => ({
      simulation: Number(r.getAttribute('data-simulation')),
      depth: Number(r.getAttribute('data-depth')),
      solved: r.getAttribute('data-solved') === 'true',
    })),
  );
  expect(trace.length).toBeGreaterThanOrEqual(3);
  for (const row of trace) {
    expect(row.depth).toBeLessThanOrEqual(row.simulation);
    if (row.simulation < 3) expect(row.solved).toBe(false);
  }
  expect(trace.at(-1)?.solved).toBe(true);

  // Outcome vs process: a failed branch is selected, its steps listed with the value model's numbers.
  await next(page, 'supervision');
  const table = page.getByTestId('lesson-supervision');
  // The branch chosen shows the value falling partway: two steps or more.
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  await expect(table.locator('tr.is-drop')).toHaveCount(1);
  expect(await selectedId(page)).toBe(await table.getAttribute('data-leaf-id'));

  // Learning from search: the tree's own targets, then the measured climb of `npm run learn`.
  await next(page, 'learn-targets');
  const targets = page.getByTestId('lesson-learn-targets');
  const shares = await targets
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-share'))));
  expect(shares.length).toBeGreaterThanOrEqual(2);
  // Sorted by simulations: the first step took the largest share, and the shares are a distribution.
  expect(shares[0]).toBe(Math.max(...shares));
  expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
  await next(page, 'learn-climb');
  await expect(page.getByTestId('lesson-learn-climb').locator('tbody tr')).toHaveCount(
    LEARN_RUN.generations.length,
  );

  await next(page, 'wrap');
  await expect(page.getByTestId('btn-lesson-next')).toBeDisabled();
  await expect(page.getByTestId('lesson-count')).toHaveText(
    `${LESSON_OUTLINE.length} / ${LESSON_OUTLINE.length}`,
  );
  expect(walked).toEqual(LESSON_OUTLINE.map((s) => s.id));

  // Going back rereads a step; the tree stays as it is.
  const before = (await drawnNodes(page)).length;
  await page.getByTestId('btn-lesson-prev').click();
  await expect(step).toHaveAttribute('data-step-id', 'learn-climb');
  await page.keyboard.press('PageUp');
  await expect(step).toHaveAttribute('data-step-id', 'learn-targets');
  expect((await drawnNodes(page)).length).toBe(before);

  // The presenter view is the room's screen: the notes fold away there, and open again after.
  await page.getByTestId('btn-presenter-view').click();
  await expect(page.getByTestId('lesson-notes')).not.toHaveAttribute('open');
  await expect(page.getByTestId('lesson-notes-say')).toBeHidden();
  await page.getByTestId('btn-presenter-view').click();
  await expectNotes(page, 'learn-targets');
});
