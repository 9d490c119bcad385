import { describe, expect, it } from 'vitest';
import { replay, type SearchEvent } from '../../core/events';
import type { Phase } from '../../core/strategies/strategy';
import type { Checkpoint } from '../search-runner';
import { DEFAULT_SETUP } from '../setup';
import { parseImportText } from './import-file';
import { ImportError } from './import-error';
import { parseSessionFile, serializeSession, SESSION_FORMAT, sessionFile, sessionTree } from './session-file';

const child = (
  text: string,
  extra: Partial<{ status: 'open' | 'solved' | 'failed'; answer: string; reason: string }> = {},
) => ({
  text,
  logProb: -0.5,
  prior: 0.25,
  tokens: 4,
  samples: 1,
  status: 'open' as const,
  ...extra,
});

/** A small MCTS-shaped history: two simulations, a prune, then the answer. */
const EVENTS: SearchEvent[] = [
  {
    type: 'expand',
    parentId: 'n0',
    children: [
      child('4 + 7 = 11'),
      child('7 - 1 = 6'),
      child('4 / 0', { status: 'failed', reason: 'division by zero' }),
    ],
  },
  {
    type: 'evaluate',
    evaluations: [
      { nodeId: 'n1', value: 0.6, source: 'value-model' },
      { nodeId: 'n2', value: 0.3, source: 'value-model' },
      { nodeId: 'n3', value: 0, source: 'verifier' },
    ],
  },
  { type: 'backpropagate', nodeIds: ['n0'], visits: 3, valueSum: 0.9 },
  { type: 'select', nodeIds: ['n0', 'n2'], kind: 'path' },
  {
    type: 'expand',
    parentId: 'n2',
    children: [child('6 * 4 = 24', { status: 'solved', answer: '24' }), child('6 + 4 = 10')],
  },
  {
    type: 'evaluate',
    evaluations: [
      { nodeId: 'n4', value: 1, source: 'verifier' },
      { nodeId: 'n5', value: 0.2, source: 'value-model' },
    ],
  },
  { type: 'backpropagate', nodeIds: ['n0', 'n2'], visits: 2, valueSum: 1.2 },
  { type: 'prune', nodeId: 'n1' },
  { type: 'answer', nodeId: 'n4', solved: true, answer: '24' },
];

const STEPS: [Checkpoint['operator'], Phase][] = [
  ['start', 'select'],
  ['expand', 'evaluate'],
  ['evaluate', 'backpropagate'],
  ['backpropagate', 'select'],
  ['select', 'expand'],
  ['expand', 'evaluate'],
  ['evaluate', 'backpropagate'],
  ['backpropagate', 'select'],
  ['prune', 'select'],
  ['select', 'done'],
];
const EVENT_COUNTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

function checkpoints(): Checkpoint[] {
  return STEPS.map(([operator, next], i) => ({
    session: {
      eventCount: EVENT_COUNTS[i] ?? 0,
      rngState: 1000 + i,
      generatedTokens: 12 * i,
      policyCalls: i,
      valueCalls: i,
    },
    // Maps and Infinity are what JSON alone would lose.
    strategy: {
      strategy: 'mcts',
      state: { phase: next, path: ['n0'], seen: new Map([['n1', 2]]), budget: Infinity, result: undefined },
    },
    operator,
    next,
  }));
}

function exported() {
  return sessionFile({
    setup: DEFAULT_SETUP,
    events: EVENTS,
    tree: replay(EVENTS),
    checkpoints: checkpoints(),
    exportedAt: new Date('2025-03-01T12:00:00Z'),
  });
}

function json(): Record<string, unknown> {
  return JSON.parse(serializeSession(exported())) as Record<string, unknown>;
}

function refusal(data: unknown): string {
  try {
    parseSessionFile(data);
  } catch (e) {
    if (e instanceof ImportError) return e.message;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('session file', () => {
  it('round-trips a step written by hand: the write event, its checkpoint and the mark on the node', () => {
    const events: SearchEvent[] = [
      ...EVENTS.slice(0, 3),
      { type: 'write', parentId: 'n2', child: { ...child('6 - 4 = 2'), samples: 0 } },
    ];
    const marks: Checkpoint[] = checkpoints().slice(0, 1);
    const last = checkpoints()[3];
    if (!last) throw new Error('no checkpoint 3');
    marks.push({ ...last, session: { ...last.session, eventCount: 4 }, operator: 'write', next: 'select' });
    const file = sessionFile({
      setup: DEFAULT_SETUP,
      events,
      tree: replay(events),
      checkpoints: marks,
      exportedAt: new Date('2025-03-01T12:00:00Z'),
    });
    const imported = parseImportText(serializeSession(file), 'session.json');
    if (imported.kind !== 'session') throw new Error(`read as ${imported.kind}`);
    expect(imported.file.events).toEqual(events);
    expect(imported.file.checkpoints.at(-1)?.operator).toBe('write');
    expect(imported.tree.nodes.n4).toMatchObject({ text: '6 - 4 = 2', written: true, parentId: 'n2' });
  });

  it('round-trips a session: same tree, events and checkpoints', () => {
    const tree = replay(EVENTS);
    const text = serializeSession(exported());
    expect(text.split('\n')[1]).toBe(`  "format": "${SESSION_FORMAT}",`);
    const imported = parseImportText(text, 'session.json');
    if (imported.kind !== 'session') throw new Error(`read as ${imported.kind}`);
    expect(imported.tree).toEqual(tree);
    expect(sessionTree(imported.file)).toEqual(tree);
    expect(imported.file.events).toEqual(EVENTS);
    expect(imported.file.checkpoints).toEqual(checkpoints());
    expect(imported.file.setup).toEqual(DEFAULT_SETUP);
    expect(imported.file.exportedAt).toBe('2025-03-01T12:00:00.000Z');
  });

  it('writes the tree in id order and a summary', () => {
    const file = exported();
    expect(file.tree.nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
    expect(file.tree.nextId).toBe(6);
    expect(file.summary).toEqual({
      strategy: 'mcts',
      simulations: 2,
      generatedTokens: 108,
      nodes: 6,
      solved: true,
      answer: '24',
    });
  });

  it('without an answer event, reports a verified solution if the tree has one', () => {
    const events = EVENTS.slice(0, 7);
    const file = sessionFile({
      setup: DEFAULT_SETUP,
      events,
      tree: replay(events),
      checkpoints: checkpoints().slice(0, 8),
      exportedAt: new Date(),
    });
    expect(file.summary.solved).toBe(true);
    expect(file.summary.answer).toBe('24');
    const early = EVENTS.slice(0, 3);
    const none = sessionFile({
      setup: DEFAULT_SETUP,
      events: early,
      tree: replay(early),
      checkpoints: checkpoints().slice(0, 4),
      exportedAt: new Date(),
    });
    expect(none.summary).toMatchObject({ solved: false, simulations: 1 });
    expect(none.summary.answer).toBeUndefined();
  });

  it('refuses a file from a newer version', () => {
    expect(refusal({ ...json(), version: 2 })).toBe(
      'this session file was made by a newer version (2) of the playground; this one reads version 1',
    );
    expect(refusal({ ...json(), version: '1' })).toMatch(/"version": expected 1, got "1"/);
  });

  it('refuses another format', () => {
    expect(refusal({ ...json(), format: 'someone-else/session' })).toMatch(/not a playground session/);
  });

  it('names the path of a field of the wrong type', () => {
    const data = json();
    const events = data.events as Record<string, unknown>[];
    events[3] = { ...events[3], type: 'expandd' };
    expect(refusal(data)).toMatch(
      /^not a valid session file: events\[3\]\.type: expected one of select, expand, evaluate, backpropagate, backup, prove, prune, backtrack, refine, write, answer, got "expandd"/,
    );
    const bad = json();
    (bad.setup as Record<string, unknown>).sims = 64;
    expect(refusal(bad)).toMatch(/setup\.sims: expected string, got a number/);
    const missing = json();
    delete (missing.summary as Record<string, unknown>).solved;
    expect(refusal(missing)).toMatch(/summary\.solved: missing \(expected boolean\)/);
  });

  it('refuses negative visit counts and non-finite numbers', () => {
    const data = json();
    const nodes = (data.tree as { nodes: Record<string, unknown>[] }).nodes;
    nodes[2] = { ...nodes[2], visits: -1 };
    expect(refusal(data)).toMatch(/tree\.nodes\[2\]\.visits: expected >= 0, got -1/);
    const inf = json();
    const infNodes = (inf.tree as { nodes: Record<string, unknown>[] }).nodes;
    infNodes[1] = { ...infNodes[1], valueSum: Number.POSITIVE_INFINITY };
    expect(refusal(inf)).toMatch(/tree\.nodes\[1\]\.valueSum/);
  });

  it('refuses a tree that the events do not give', () => {
    const data = json();
    const nodes = (data.tree as { nodes: Record<string, unknown>[] }).nodes;
    nodes[2] = { ...nodes[2], visits: 7 };
    expect(refusal(data)).toMatch(
      /"tree" does not match "events": n2\.visits is 7 in the tree but 3 after replaying the events/,
    );
    const shorter = json();
    shorter.events = (shorter.events as unknown[]).slice(0, 3);
    shorter.checkpoints = (shorter.checkpoints as unknown[]).slice(0, 4);
    expect(refusal(shorter)).toMatch(/the tree lists 6 nodes, replaying the events gives 4/);
  });

  it('refuses events that cannot apply and ids out of order', () => {
    const data = json();
    (data.events as unknown[]).unshift({ type: 'prune', nodeId: 'n0' });
    expect(refusal(data)).toMatch(/events\[0\] \(prune\) cannot be applied: the root cannot be pruned/);
    const order = json();
    const nodes = (order.tree as { nodes: unknown[] }).nodes;
    [nodes[1], nodes[2]] = [nodes[2], nodes[1]];
    expect(refusal(order)).toMatch(
      /tree\.nodes\[1\]\.id: expected "n1" \(nodes are listed in id order\), got "n2"/,
    );
  });

  it('checks the checkpoints against the log', () => {
    const first = json();
    (first.checkpoints as Record<string, unknown>[]).shift();
    expect(refusal(first)).toMatch(/checkpoints\[0\]\.operator: the first checkpoint is the search's start/);
    const back = json();
    const cps = back.checkpoints as { session: { eventCount: number } }[];
    (cps[4] as { session: { eventCount: number } }).session.eventCount = 1;
    expect(refusal(back)).toMatch(
      /checkpoints\[4\]\.session\.eventCount: 1 is below the previous checkpoint's 3/,
    );
    const past = json();
    (
      (past.checkpoints as { session: { eventCount: number } }[])[9] as { session: { eventCount: number } }
    ).session.eventCount = 50;
    expect(refusal(past)).toMatch(/checkpoints\[9\]\.session\.eventCount: 50, but the file holds 9 events/);
    const other = json();
    (
      (other.checkpoints as { strategy: { strategy: string } }[])[2] as { strategy: { strategy: string } }
    ).strategy.strategy = 'beam';
    expect(refusal(other)).toMatch(
      /checkpoints\[2\]\.strategy\.strategy: "beam", but the setup's strategy is "mcts"/,
    );
  });

  it('refuses prototype keys and ids that are not node ids', () => {
    const text = serializeSession(exported()).replace(
      '"setup": {',
      '"setup": { "__proto__": { "polluted": true },',
    );
    expect(() => parseImportText(text)).toThrow(/setup has the key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const data = json();
    (data.events as unknown[]).push({ type: 'prune', nodeId: 'constructor' });
    expect(refusal(data)).toMatch(/the key|node id/);
    const id = json();
    (id.events as unknown[]).push({ type: 'prune', nodeId: 'toString' });
    expect(refusal(id)).toMatch(/events\[9\]\.nodeId: expected a node id like "n12"/);
  });
});
