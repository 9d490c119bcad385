import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay, type SearchEvent } from '../../core/events';
import { DEFAULT_SETUP } from '../setup';
import { checkImportSize, ImportError, MAX_IMPORT_BYTES, parseImportText } from './import-file';
import { serializeSession, sessionFile } from './session-file';

const FIXTURE = readFileSync(
  new URL('../../../e2e/fixtures/x1/mcts_tree_final.json', import.meta.url),
  'utf8',
);

function refusal(text: string, fileName?: string): string {
  try {
    parseImportText(text, fileName);
  } catch (e) {
    if (e instanceof ImportError) return e.message;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('parseImportText', () => {
  it('reads a session file', () => {
    const events: SearchEvent[] = [
      {
        type: 'expand',
        parentId: 'n0',
        children: [{ text: '1 + 2 = 3', logProb: -1, prior: 1, tokens: 5, samples: 2, status: 'open' }],
      },
    ];
    const checkpoints = [
      {
        session: { eventCount: 0, rngState: 7, generatedTokens: 0, policyCalls: 0, valueCalls: 0 },
        strategy: { strategy: 'mcts' as const, state: {} },
        operator: 'start' as const,
        next: 'select' as const,
      },
    ];
    const text = serializeSession(
      sessionFile({
        setup: DEFAULT_SETUP,
        events,
        tree: replay(events),
        checkpoints,
        exportedAt: new Date(0),
      }),
    );
    const imported = parseImportText(text);
    expect(imported.kind).toBe('session');
    expect(imported.tree).toEqual(replay(events));
  });

  it('reads an x1 tree and titles it with its question', () => {
    const imported = parseImportText(FIXTURE, 'mcts_tree_final.json');
    if (imported.kind !== 'x1') throw new Error(`read as ${imported.kind}`);
    expect(imported.title).toMatch(/^Use the numbers 4, 9, 10 and 13/);
    expect(imported.stats.nodes).toBe(16);
    expect(imported.x1Ids.n13).toBe('32b6e075-8bcf-4ec2-9c5c-57cb987dec84');
  });

  it('falls back to the file name for an x1 tree without a question', () => {
    const raw = JSON.parse(FIXTURE) as Record<string, unknown>;
    delete raw.args;
    raw.reasoning_step = null;
    const imported = parseImportText(JSON.stringify(raw), 'run-7.json');
    expect(imported.kind === 'x1' && imported.title).toBe('run-7.json');
  });

  it('refuses empty text and text that is not JSON', () => {
    expect(refusal('')).toBe('the file is empty');
    expect(refusal('  \n')).toBe('the file is empty');
    expect(refusal('{"a": ')).toMatch(/^not valid JSON: /);
    expect(refusal('{"q_value": NaN}')).toMatch(/NaN or Infinity, which JSON does not allow/);
  });

  it('refuses JSON in neither format, saying what it saw', () => {
    expect(refusal('{"name": "x", "items": []}')).toBe(
      'not a playground session (no "format": "rlm-playground/session") nor an x1 tree ' +
        '(no node with reasoning_step/visit_count); the file holds an object with keys "name", "items"',
    );
    expect(refusal('[1, 2, 3]')).toMatch(/the file holds an array of 3$/);
    expect(refusal('{"format": "other/tool", "version": 1}')).toBe(
      '"format" is "other/tool"; the playground reads "rlm-playground/session" and "rlm-playground/journey" files and x1 trees',
    );
  });

  it('refuses files over the size limit', () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    expect(() => checkImportSize(MAX_IMPORT_BYTES)).not.toThrow();
    expect(() => checkImportSize(MAX_IMPORT_BYTES + 1)).toThrow(
      /the file is 50\.0 MB; the playground imports files up to 50\.0 MB/,
    );
    // 17.5 M three-byte characters: 52.5 MB of UTF-8 in a string of fewer than 50 M characters.
    const big = '"' + '€'.repeat(17_500_000) + '"';
    expect(() => parseImportText(big)).toThrow(/the file is 5\d\.\d MB/);
  });

  it('refuses hostile shapes with a message, never with a stack overflow or an echo of the file', () => {
    expect(refusal('['.repeat(200_000) + ']'.repeat(200_000))).toMatch(/more than 50,000 levels deep/);
    expect(refusal('\u0000\u0001PK\u0003\u0004')).toMatch(/not UTF-8 text \(it holds binary data\)/);
    expect(refusal('\uFFFDPNG\r\n\u001a')).toMatch(/binary data/);
    const longFormat = refusal(JSON.stringify({ format: 'x'.repeat(1_000_000) }));
    expect(longFormat.length).toBeLessThan(200);
    expect(refusal('{"__proto__": {"polluted": true}, "visit_count": 1}')).toMatch(/"__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parseImportText('\uFEFF' + FIXTURE).kind).toBe('x1');
  });
});
