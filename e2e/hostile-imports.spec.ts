import { open, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { drawnNodes, expect, node, openReady, test } from './fixtures';

/**
 * Malformed and hostile files through the import input: each is refused with a message that says
 * what is wrong, or read and drawn as plain text; the session stays as it was, nothing runs, and
 * no prototype is touched. One page per group keeps the spec quick.
 */
const SETUP = '?numbers=3,4,4,13&target=24&strategy=mcts&sims=32&seed=3&backend=wasm&stop=budget';
const X1_FIXTURE = 'e2e/fixtures/x1/mcts_tree_final.json';

type Json = Record<string, unknown>;
type X1 = Json & { children: X1[] };

const x1 = async (): Promise<X1> => JSON.parse(await readFile(X1_FIXTURE, 'utf8')) as X1;

/** A file's payload sets this flag if anything in it ever runs. */
const PWN = 'window.__pwned = true';

async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
}

const stats = async (page: Page) =>
  (await drawnNodes(page)).map((n) => `${n.id}<${n.parent}:${n.visits}:${n.state}`).sort();

/** What the page would show if any payload ran, or if any prototype took a key from a file. */
const tampering = (page: Page) =>
  page.evaluate(() => {
    const probe: Record<string, unknown> = {};
    return {
      pwned: (window as { __pwned?: unknown }).__pwned,
      polluted: probe.polluted ?? ([] as unknown as Record<string, unknown>).polluted,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick], script:not([src])').length,
    };
  });

/** Our own session as exported from the page, to be damaged in the cases below. */
async function exportedSession(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('btn-export-json').click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

test('refuses malformed and hostile files with a message that names the problem; the session stays', async ({
  page,
}, testInfo) => {
  await openReady(page, SETUP);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 32');
  const before = await stats(page);
  expect(before.length).toBeGreaterThan(1);
  const session = await exportedSession(page);
  const sessionJson = JSON.parse(session) as Json & { setup: Json };

  // 60 MB of nothing, made sparse on disk in no time: refused by its size before it is read.
  const bigPath = testInfo.outputPath('big.json');
  const big = await open(bigPath, 'w');
  await big.truncate(60 * 1024 * 1024);
  await big.close();

  const withNode = async (change: (n: X1) => void) => {
    const tree = await x1();
    const child = tree.children[0];
    if (!child) throw new Error('the fixture has children');
    change(child);
    return JSON.stringify(tree);
  };
  const flat = (nodes: [id: string, parent: string | null][]) =>
    JSON.stringify(
      nodes.map(([id, parent]) => ({
        id,
        parent,
        reasoning_step: 's',
        visit_count: 1,
        q_value: 0,
        is_terminal: false,
      })),
    );
  const cases: [name: string, content: string | Buffer, message: RegExp][] = [
    ['empty.json', '', /the file is empty/],
    ['blank.json', ' \n\t ', /the file is empty/],
    ['broken.json', '{"format": "rlm-playground/session", ', /not valid JSON/],
    ['nan.json', '{"visit_count": NaN}', /NaN or Infinity, which JSON does not allow/],
    [
      'picture.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]),
      /binary data/,
    ],
    // UTF-16 without a byte order mark (with one, File.text() reads it as UTF-16, rightly).
    ['utf16.json', Buffer.from('{"a": 1}', 'utf16le'), /binary data/],
    [
      'archive.gz',
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0xff, 0xfe, 0x80]),
      /binary data/,
    ],
    ['null.json', 'null', /the file holds null/],
    ['string.json', '"<script>window.__pwned = true</script>"', /the file holds a string/],
    ['numbers.json', '[1, 2, 3]', /the file holds an array of 3/],
    ['deep-arrays.json', '['.repeat(200_000) + ']'.repeat(200_000), /more than 50,000 levels deep/],
    [
      'deep-objects.json',
      '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000),
      /more than 50,000 levels deep/,
    ],
    ['proto.json', '{"__proto__": {"polluted": true}}', /keys "__proto__"/],
    [
      'proto-x1.json',
      await withNode((n) =>
        Object.defineProperty(n, '__proto__', { value: { polluted: true }, enumerable: true }),
      ),
      /children\[0\] has the key "__proto__"/,
    ],
    [
      'constructor-x1.json',
      await withNode((n) =>
        Object.defineProperty(n, 'constructor', {
          value: { prototype: { polluted: true } },
          enumerable: true,
        }),
      ),
      /children\[0\] has the key "constructor"/,
    ],
    [
      'proto-session.json',
      session.replace('"setup": {', '"setup": {"__proto__": {"polluted": true}, '),
      /setup has the key "__proto__"/,
    ],
    [
      'wrong-type.json',
      await withNode((n) => (n.visit_count = 'five')),
      /children\[0\]\.visit_count: expected number, got a string/,
    ],
    ['negative.json', await withNode((n) => (n.visit_count = -3)), /visit_count: expected >= 0, got -3/],
    ['huge.json', await withNode((n) => (n.q_value = 1e300)), /q_value: expected <= 1000000, got 1e\+300/],
    [
      'cycle.json',
      flat([
        ['a', 'b'],
        ['b', 'a'],
      ]),
      /no root.*cycle through/,
    ],
    [
      'loop.json',
      flat([
        ['r', null],
        ['a', 'b'],
        ['b', 'a'],
      ]),
      /cannot be reached from the root.*cycle/,
    ],
    ['twice.json', await withNode((n) => n.children.push({ ...n, children: [] })), /appears twice/],
    [
      'session-cycle.json',
      session.replace(/"parentId": "n0"/, '"parentId": "n1"'),
      /"tree" does not match "events": n1\.parentId/,
    ],
    [
      'session-wrong-type.json',
      JSON.stringify({ ...sessionJson, setup: { ...sessionJson.setup, sims: -5 } }),
      /setup\.sims: expected string, got a number/,
    ],
    [
      'session-negative.json',
      session.replace(/"visits": \d+/, '"visits": -1'),
      /tree\.nodes\[0\]\.visits: expected >= 0, got -1/,
    ],
    [
      'format.json',
      '{"format": "<img src=x onerror=\\"window.__pwned = true\\">"}',
      /"format" is "<img src=x onerror=/,
    ],
    ['newer.json', session.replace('"version": 1', '"version": 99'), /newer version \(99\)/],
  ];
  for (const [name, content, message] of cases) {
    await importFile(page, name, typeof content === 'string' ? Buffer.from(content) : content);
    await expect(page.getByTestId('app-error'), name).toContainText(`Import of ${name} refused`);
    await expect(page.getByTestId('app-error'), name).toContainText(message);
    expect(await stats(page), name).toEqual(before);
    await page.getByTestId('btn-dismiss-error').click();
    await expect(page.getByTestId('error')).toHaveCount(0);
  }
  await page.getByTestId('import-file').setInputFiles(bigPath);
  await expect(page.getByTestId('app-error')).toContainText(
    'Import of big.json refused: the file is 60.0 MB; the playground imports files up to 50.0 MB',
  );
  await page.getByTestId('btn-dismiss-error').click();
  expect(await stats(page)).toEqual(before);
  expect(await tampering(page)).toEqual({ pwned: undefined, polluted: undefined, handlers: 0 });
  testInfo.annotations.push({ type: 'refused files', description: String(cases.length + 1) });
  // The session was never touched: it goes on from where it was.
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('2 / 32');
});

const PAYLOADS = [
  `<script>${PWN}</script>`,
  `<img src=x onerror="${PWN}">`,
  `<svg onload="${PWN}"><a href="javascript:${PWN}">x</a></svg>`,
  `"><iframe srcdoc="<script>parent.${PWN}</script>">`,
  `$\\href{javascript:${PWN}}{x}$ <style>*{display:none}</style>`,
];

test('HTML in step text and the question is drawn as text: nothing runs, no element is made', async ({
  page,
}) => {
  await openReady(page, SETUP);
  const before = await stats(page);
  const tree = await x1();
  tree.args = { ...(tree.args as Json), question: `<img src=x onerror="${PWN}"> solve` };
  tree.children.forEach((child, i) => (child.reasoning_step = PAYLOADS[i % PAYLOADS.length] ?? ''));
  await importFile(page, 'payload.json', Buffer.from(JSON.stringify(tree)));
  await expect(page.getByTestId('imported-banner')).toContainText(`<img src=x onerror="${PWN}"> solve`);
  const drawn = await drawnNodes(page);
  expect(drawn).toHaveLength(16);
  for (let i = 0; i < tree.children.length; i++) {
    await node(page, `n${i + 1}`).click();
    await expect(page.getByTestId('node-inspector')).toContainText(PAYLOADS[i % PAYLOADS.length] ?? '');
  }
  // The node's tooltip (an SVG <title>) holds the payload as text too.
  const titles = await page.locator('[data-testid="tree-node"] title').allTextContents();
  expect(titles.some((t) => t.includes(`<script>${PWN}</script>`))).toBe(true);
  // The exported drawing escapes it: a viewer opening the SVG file runs nothing either.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('btn-export-svg').click(),
  ]);
  const svg = await readFile(await download.path(), 'utf8');
  // XMLSerializer escapes every < in text and > in attributes: a raw < opens a real tag.
  expect(svg).not.toMatch(/<(script|img|iframe|style|foreignObject|a)[\s>/]/i);
  expect(svg).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(svg).toContain(`<title>&lt;img src=x onerror="${PWN}"&gt;`);
  await page.waitForTimeout(300);
  expect(await tampering(page)).toEqual({ pwned: undefined, polluted: undefined, handlers: 0 });
  await page.getByTestId('btn-close-import').click();
  expect(await stats(page)).toEqual(before);
});
