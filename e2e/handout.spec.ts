import type { Page } from '@playwright/test';
import { LESSON_OUTLINE } from '../src/ui/lesson/lesson-outline';
import { expect, test } from './fixtures';

/** Pages in a PDF: the page objects (`/Type /Page`), not the page tree (`/Type /Pages`). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

async function printedPages(page: Page): Promise<number> {
  // The page's own @page rule (A4) sets the paper, as a browser's print dialog would.
  return pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
}

test('the handout holds every step of the lesson and prints on one A4 page', async ({ page }) => {
  await page.goto('/?handout=1');
  const handout = page.getByTestId('handout');
  await expect(handout).toHaveAttribute('data-version', 'student');
  await expect(page.getByTestId('handout-step')).toHaveCount(LESSON_OUTLINE.length);
  for (const step of LESSON_OUTLINE) {
    const item = page.locator(`[data-testid="handout-step"][data-step-id="${step.id}"]`);
    await expect(item).toContainText(step.title);
    await expect(item).toContainText(step.notes.keyIdea);
    await expect(item).toContainText(step.notes.question.ask);
    await expect(item).toContainText(step.notes.exercise.task);
    // The class's copy asks; it does not answer.
    await expect(item).not.toContainText(step.notes.question.answer);
  }
  // No models on a sheet of paper: the playground never started.
  await expect(page.getByTestId('model-status')).toHaveCount(0);
  expect(await printedPages(page)).toBe(1);
  // Two columns on paper: steps sit side by side.
  await page.emulateMedia({ media: 'print' });
  const lefts = await page
    .getByTestId('handout-step')
    .evaluateAll((els) => [...new Set(els.map((el) => Math.round(el.getBoundingClientRect().left)))]);
  expect(lefts).toHaveLength(2);
});

test("the lecturer's handout adds the answers and the minutes, still on one page", async ({ page }) => {
  await page.goto('/?handout=1');
  await page.getByTestId('handout-other-version').click();
  const handout = page.getByTestId('handout');
  await expect(handout).toHaveAttribute('data-version', 'lecturer');
  for (const step of LESSON_OUTLINE) {
    const item = page.locator(`[data-testid="handout-step"][data-step-id="${step.id}"]`);
    await expect(item).toContainText(step.notes.question.answer);
    await expect(item).toContainText(step.notes.exercise.answer);
  }
  await expect(handout).toContainText('43–45 min');
  expect(await printedPages(page)).toBe(1);
});
