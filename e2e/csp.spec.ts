import { expect, HUB_URL, test } from './fixtures';

/**
 * The Content-Security-Policy in force (config/csp.ts): read from the page and the model worker
 * by what they refuse, not only from the headers, so that a policy that stopped applying fails here.
 */
const SETUP = '?numbers=3,4,4,13&target=24&strategy=mcts&sims=8&seed=3&backend=wasm';

// Each refusal below is logged by Chromium as a console error: those are the point of this spec.
test.use({ allowedConsoleErrors: [/Content Security Policy/] });

interface Attempt {
  readonly ran: boolean;
  readonly violations: readonly string[];
}

/**
 * Runs `action` (page-side source text, so that no eval sits in the test's own code) with a
 * securitypolicyviolation listener, and reports whether its effect happened and which directives
 * refused it (once each: the header and the <meta> both report). The action runs in a timer task:
 * code that DevTools evaluates (page.evaluate) may eval whatever the policy says. Violations are
 * reported in a later task, hence the wait.
 */
const ATTEMPT = (action: string) => `(async () => {
  const violations = new Set();
  const listen = (e) => violations.add(e.effectiveDirective);
  document.addEventListener('securitypolicyviolation', listen);
  window.__cspRan = false;
  await new Promise((done) => setTimeout(async () => {
    try { ${action} } catch (e) { violations.add('threw ' + e.name); }
    done();
  }, 0));
  await new Promise((r) => setTimeout(r, 200));
  document.removeEventListener('securitypolicyviolation', listen);
  return { ran: window.__cspRan === true, violations: [...violations].sort() };
})()`;

test('the page and the model worker run under the policy: no eval, no inline script, no foreign hosts', async ({
  page,
}) => {
  const response = await page.goto(`/${SETUP}`);
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
  expect(header).toContain(`connect-src 'self' https://huggingface.co`);
  expect(header).toContain(HUB_URL);
  expect(header).not.toMatch(/ 'unsafe-eval'|'unsafe-inline'/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'self'");
  // The models still load and search under it (WASM compiled, its factory imported).
  await expect(page.getByTestId('model-status')).toContainText('ready', { timeout: 60_000 });
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 8');

  const tries: Record<string, Attempt> = {};
  const attempt = async (name: string, action: string) => {
    tries[name] = await page.evaluate<Attempt>(ATTEMPT(action));
  };
  await attempt('eval', "eval('window.__cspRan = true');");
  await attempt('function', "new Function('window.__cspRan = true')();");
  await attempt(
    'inline script',
    "const s = document.createElement('script'); s.textContent = 'window.__cspRan = true'; document.body.append(s);",
  );
  await attempt(
    'inline handler',
    'const d = document.createElement(\'div\'); d.innerHTML = \'<img src="data:," onerror="window.__cspRan = true">\'; document.body.append(d);',
  );
  await attempt(
    'foreign fetch',
    "await fetch('http://127.0.0.1:9/').then(() => { window.__cspRan = true; }, () => {});",
  );
  await attempt(
    'foreign script',
    "const s = document.createElement('script'); s.src = 'http://127.0.0.1:9/x.js'; document.body.append(s);",
  );
  expect(tries).toEqual({
    eval: { ran: false, violations: ['script-src', 'threw EvalError'] },
    function: { ran: false, violations: ['script-src', 'threw EvalError'] },
    'inline script': { ran: false, violations: ['script-src-elem'] },
    // The <img> itself loads nothing that matters; its inline handler is what the policy refuses.
    'inline handler': { ran: false, violations: expect.arrayContaining(['script-src-attr']) as string[] },
    'foreign fetch': { ran: false, violations: ['connect-src'] },
    'foreign script': { ran: false, violations: ['script-src-elem'] },
  });

  // The worker's policy comes from its own script's response: eval is refused there too.
  const worker = page.workers().find((w) => w.url().includes('model-worker'));
  expect(worker, 'the model worker').toBeDefined();
  const inWorker = await worker?.evaluate<string>(
    "new Promise((r) => setTimeout(() => { try { r(String(eval('1 + 1'))); } catch (e) { r(e.name); } }, 0))",
  );
  expect(inWorker).toBe('EvalError');
});
