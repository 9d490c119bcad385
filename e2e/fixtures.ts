import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every browser test runs offline: a request to any host but the test server is refused and
 * recorded, and so is every page error; both lists must be empty when the test ends.
 */
export const test = base.extend<{ allowedConsoleErrors: readonly RegExp[] }>({
  // A spec that provokes an error on purpose (a refused inline script) names the message it expects.
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, baseURL, allowedConsoleErrors }, use) => {
    // The app's server and the stand-in hub both live on 127.0.0.1: nothing may leave it.
    const allowed = new URL(baseURL ?? 'http://127.0.0.1').hostname;
    const foreign: string[] = [];
    const pageErrors: string[] = [];
    await page.context().route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === allowed) return route.continue();
      foreign.push(url.href);
      return route.abort('internetdisconnected');
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // The stand-in hub and the engine double fail on purpose in some tests: the browser logs those.
      const port = new URL(m.location().url || baseURL || 'http://x').port;
      if (
        m.type() === 'error' &&
        !port.startsWith(HUB_PORT) &&
        port !== ENGINE_PORT &&
        !allowedConsoleErrors.some((re) => re.test(m.text()))
      )
        pageErrors.push(`console: ${m.text()}`);
    });
    await use(page);
    expect(foreign, 'requests that left the test server').toEqual([]);
    expect(pageErrors, 'page errors').toEqual([]);
  },
});

export { expect };

/** The stand-in hub's port (playwright.config.ts starts it). */
export const HUB_PORT = process.env.E2E_HUB_PORT ?? '4318';
export const HUB_URL = `http://127.0.0.1:${HUB_PORT}`;
/** The vLLM test double's port (playwright.config.ts: E2E_ENGINE_PORT, else the hub's + 100). */
export const ENGINE_PORT = process.env.E2E_ENGINE_PORT ?? String(Number(HUB_PORT) + 100);
export const ENGINE_URL = `http://127.0.0.1:${ENGINE_PORT}`;

/**
 * Opens a setup and waits until the models are loaded. The page starts at a speed an eye can
 * follow; tests run at full speed (the speed select's "max") unless they ask otherwise.
 */
export async function openReady(
  page: Page,
  query: string,
  timeout = 60_000,
  options: { readonly fullSpeed?: boolean } = {},
): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout });
  if (options.fullSpeed ?? true) await page.getByTestId('speed').selectOption('0');
}

/** Agrees to the hub download the page asks about (it never starts one unasked). */
export async function confirmDownload(page: Page): Promise<void> {
  await page.getByTestId('btn-confirm-download').click();
}

export interface DrawnNode {
  id: string;
  parent: string;
  visits: number;
  state: string;
}

/**
 * The nodes drawn, read at a moment when the drawing has caught up with the store. The view lays a
 * growing tree out a moment after the store changes; while a search runs, the store changes again
 * soon after, so the check and the read happen together, on every animation frame until one is
 * caught up (two separate steps would race the search, and miss on a busy machine).
 */
export async function drawnNodes(page: Page, timeout = 15_000): Promise<DrawnNode[]> {
  const handle = await page.waitForFunction(
    () => {
      if (document.querySelector('[data-testid="tree-view"][data-pending]')) return null;
      return [...document.querySelectorAll('[data-testid="tree-node"]')].map((el) => ({
        id: el.getAttribute('data-node-id') ?? '',
        parent: el.getAttribute('data-parent-id') ?? '',
        visits: Number(el.getAttribute('data-visits')),
        state: el.getAttribute('data-state') ?? '',
      }));
    },
    undefined,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) ?? [];
}

export function node(page: Page, id: string) {
  return page.locator(`[data-testid="tree-node"][data-node-id="${id}"]`);
}

/**
 * Selects the root's most-visited child (the one whose sibling score table has the most to
 * compare) and waits for its table to mark the pick; returns the table.
 */
export async function inspectBusiestRootChild(page: Page, nodes: readonly DrawnNode[]) {
  const root = nodes.find((n) => n.parent === '');
  const child = nodes.filter((n) => n.parent === root?.id).sort((a, b) => b.visits - a.visits)[0];
  if (!child) throw new Error('no child of the root');
  await node(page, child.id).click();
  const table = page.getByTestId('score-table');
  await expect(table.locator('[data-picked="true"]')).toHaveCount(1);
  return table;
}
