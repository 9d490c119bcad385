import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { drawnNodes, expect, node, openReady, test } from './fixtures';

const SETUP = '?numbers=3,4,4,13&target=24&strategy=mcts&sims=32&seed=3&backend=wasm&stop=budget';
const X1_FIXTURE = 'e2e/fixtures/x1/mcts_tree_final.json';

async function download(page: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

async function importBuffer(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
}

const stats = async (page: Page) =>
  (await drawnNodes(page)).map((n) => `${n.id}<${n.parent}:${n.visits}:${n.state}`).sort();

test('export JSON, reset, import: the same node ids and statistics are back, and the search goes on', async ({
  page,
}) => {
  await openReady(page, SETUP);
  for (let i = 0; i < 4; i++) {
    await page.getByTestId('btn-step').click();
    await expect(page.getByTestId('search-status')).toContainText(`${i + 1} / 32`);
  }
  const before = await stats(page);
  const values = await page
    .getByTestId('tree-node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  const { download: file, bytes } = await download(page, 'btn-export-json');
  expect(file.suggestedFilename()).toMatch(/^rlm-mcts-3-4-4-13-to-24-seed3\.json$/);
  const json = JSON.parse(bytes.toString('utf8')) as { format: string; version: number; events: unknown[] };
  expect(json.format).toBe('rlm-playground/session');
  expect(json.version).toBe(1);
  expect(json.events.length).toBeGreaterThan(8);

  await page.getByTestId('btn-reset').click();
  expect(await drawnNodes(page)).toHaveLength(1);

  await importBuffer(page, file.suggestedFilename(), bytes);
  await expect(page.getByTestId('search-status')).toContainText('4 / 32');
  expect(await stats(page)).toEqual(before);
  expect(
    await page.getByTestId('tree-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-value'))),
  ).toEqual(values);
  // The timeline came back too, and the search goes on from where it was.
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('5 / 32');
});

test('exports the tree as a 16:9 slide: SVG with the problem, a legend and N/Q on the nodes; PNG at 1920 x 1080', async ({
  page,
}) => {
  await openReady(page, '?numbers=1,8,10,11&target=24&sims=32&seed=1&backend=wasm');
  await page.getByTestId('btn-run').click();
  await expect(page.getByTestId('search-status')).toContainText('solved');
  const nodes = await drawnNodes(page);
  const rootVisits = nodes.find((n) => n.id === 'n0')?.visits;
  const svg = await download(page, 'btn-export-svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(text).toContain('viewBox="0 0 1920 1080"');
  // The problem as the title, the outcome in the subtitle, the root labelled with the problem.
  expect(text).toContain('>Game of 24: 1 8 10 11 → 24</text>');
  expect(text).toMatch(
    /MCTS \(PUCT, c = 1, k = 16, T = 1\.3\) · \d+ of 32 simulations · \d+ nodes · solved ✓ \(first at simulation \d+\)/,
  );
  expect(text).toContain('>1 8 10 11 → 24</text>');
  for (const entry of [
    'colour: Q',
    'visits N',
    'edge width',
    'solution path',
    'solved (verified)',
    'failed',
    'pruned',
  ])
    expect(text).toContain(entry);
  // Every node of the tree, N and Q on the root and on the solved node.
  expect(text.match(/class="slide-node"/g)).toHaveLength(nodes.length);
  expect(text).toMatch(new RegExp(`>N ${rootVisits} · Q \\d\\.\\d\\d</text>`));
  expect(text).toContain('>N 1 · Q 1.00</text>');
  // Nothing of the interface: no buttons, embedded HTML, collapse badges or test ids.
  expect(text).not.toMatch(/<(button|foreignObject|input)[\s>]/);
  expect(text).not.toMatch(/data-testid|tree-node__badge|collapse/);
  expect(text).not.toContain('var(--');

  const png = await download(page, 'btn-export-png');
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // The IHDR chunk comes first: its width and height are big-endian at bytes 16 and 20.
  expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(png.bytes.readUInt32BE(16)).toBe(1920);
  expect(png.bytes.readUInt32BE(20)).toBe(1080);
  expect(png.bytes.length).toBeGreaterThan(20_000);
});

test("imports x1's mcts_tree_final.json and draws it with its statistics", async ({ page }) => {
  await openReady(page, SETUP);
  // The fixture (written by hand to x1's format, see e2e/fixtures/x1/README.md): 16 nodes, the
  // root visited 5 times, three terminals of which one is the right answer.
  await page.getByTestId('import-file').setInputFiles(X1_FIXTURE);
  await expect(page.getByTestId('imported-banner')).toContainText('16 nodes');
  const nodes = await drawnNodes(page);
  expect(nodes).toHaveLength(16);
  expect(nodes.find((n) => n.id === 'n0')?.visits).toBe(5);
  expect(nodes.filter((n) => n.state === 'terminal-solved')).toHaveLength(1);
  expect(nodes.filter((n) => n.state === 'terminal-failed')).toHaveLength(2);
  await node(page, 'n1').click();
  await expect(page.getByTestId('node-inspector')).toContainText('13 - 9 = 4');
  // Its slide: the question as the title, the tree's own statistics on the nodes.
  const slide = (await download(page, 'btn-export-svg')).bytes.toString('utf8');
  expect(slide).toContain('>Use the numbers 4, 9, 10 and 13 and the operations +, -, * and / to obtain 24.');
  expect(slide).toContain('Imported x1 tree · 16 nodes · root N 5 · solved ✓');
  expect(slide).toMatch(/>N 5 · Q -?\d\.\d\d<\/text>/);
  expect(slide.match(/class="slide-node"/g)).toHaveLength(16);
  // Read-only: no search acts on it; closing it brings the search back.
  await expect(page.getByTestId('btn-run')).toBeDisabled();
  await page.getByTestId('btn-close-import').click();
  expect(await drawnNodes(page)).toHaveLength(1);
  await expect(page.getByTestId('btn-run')).toBeEnabled();
});

test('refuses bad imports with a message that says what is wrong, leaving the session as it was', async ({
  page,
}) => {
  await openReady(page, SETUP);
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('1 / 32');
  const before = await stats(page);
  const exported = (await download(page, 'btn-export-json')).bytes.toString('utf8');
  const newer = exported.replace('"version": 1', '"version": 2');
  const badEvent = exported.replace('"type": "expand"', '"type": "explode"');
  const cases: [string, string, RegExp][] = [
    ['empty.json', '', /empty/],
    ['broken.json', '{"format": "rlm-playground/session", ', /not valid JSON/],
    ['other.json', '{"hello": "world"}', /playground session.*x1 tree/],
    ['newer.json', newer, /newer version \(2\)/],
    ['bad-event.json', badEvent, /events\[\d+\]/],
  ];
  for (const [name, text, message] of cases) {
    await importBuffer(page, name, Buffer.from(text));
    await expect(page.getByTestId('app-error')).toContainText(name);
    await expect(page.getByTestId('app-error')).toContainText(message);
    expect(await stats(page)).toEqual(before);
    await page.getByTestId('btn-dismiss-error').click();
    await expect(page.getByTestId('app-error')).toHaveCount(0);
  }
  await page.getByTestId('btn-step').click();
  await expect(page.getByTestId('search-status')).toContainText('2 / 32');
});
