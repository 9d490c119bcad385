import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every browser test runs offline: a request to any host but the test server is refused and
 * recorded, and so is every page error; both lists must be empty when the test ends.
 */
export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const allowed = new URL(baseURL ?? 'http://127.0.0.1').host;
    const foreign: string[] = [];
    const pageErrors: string[] = [];
    await page.context().route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === allowed) return route.continue();
      foreign.push(url.href);
      return route.abort('internetdisconnected');
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
    });
    await use(page);
    expect(foreign, 'requests that left the test server').toEqual([]);
    expect(pageErrors, 'page errors').toEqual([]);
  },
});

export { expect };

/** Opens a setup and waits until the models are loaded. */
export async function openReady(page: Page, query: string, timeout = 60_000): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout });
}

export interface DrawnNode {
  id: string;
  parent: string;
  visits: number;
  state: string;
}

export async function drawnNodes(page: Page): Promise<DrawnNode[]> {
  return page.getByTestId('tree-node').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-node-id') ?? '',
      parent: el.getAttribute('data-parent-id') ?? '',
      visits: Number(el.getAttribute('data-visits')),
      state: el.getAttribute('data-state') ?? '',
    })),
  );
}

export function node(page: Page, id: string) {
  return page.locator(`[data-testid="tree-node"][data-node-id="${id}"]`);
}
