import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qValue, type TreeNode } from '../../core/tree';
import { ImportError } from './import-error';
import { MAX_X1_NODES, parseX1Tree } from './x1-tree';

const FIXTURE = new URL('../../../e2e/fixtures/x1/mcts_tree_final.json', import.meta.url);
const QUESTION =
  'Use the numbers 4, 9, 10 and 13 and the operations +, -, * and / to obtain 24. Each number must be used exactly once.';

type Raw = Record<string, unknown> & { children: Raw[] };

function fixture(): Raw {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Raw;
}

function node(tree: { nodes: Record<string, TreeNode> }, id: string): TreeNode {
  const n = tree.nodes[id];
  if (!n) throw new Error(`no ${id}`);
  return n;
}

/** The fixture as a flat list, breadth-first, children left out (they are implied by parent). */
function flatten(root: Raw): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const queue = [root];
  for (let n = queue.shift(); n; n = queue.shift()) {
    const { children, ...fields } = n;
    delete fields.args;
    out.push(fields);
    queue.push(...children);
  }
  return out;
}

function refusal(data: unknown): string {
  try {
    parseX1Tree(data);
  } catch (e) {
    if (e instanceof ImportError) return e.message;
    throw e;
  }
  throw new Error('the tree was accepted');
}

describe('x1 tree import', () => {
  it('reads the fixture written in x1 mcts_tree_final.json format', () => {
    const { tree, x1Ids, stats, question } = parseX1Tree(fixture());
    expect(stats).toEqual({ nodes: 16, maxDepth: 3, rootVisits: 5, terminals: 3 });
    expect(question).toBe(QUESTION);
    expect(tree.nextId).toBe(16);
    expect(Object.keys(tree.nodes)).toHaveLength(16);
    const root = node(tree, 'n0');
    expect(root).toMatchObject({
      parentId: null,
      text: '',
      depth: 0,
      visits: 5,
      status: 'expanded',
      childIds: ['n1', 'n2', 'n3'],
    });
    expect(root.value).toBeUndefined();
    expect(x1Ids.n0).toBe('d66887a3-a556-4782-952b-f8818ec8d8bc');
  });

  it('numbers nodes breadth-first and carries text, visits and Q', () => {
    const { tree, x1Ids } = parseX1Tree(fixture());
    const texts = Object.values(tree.nodes).map((n) => `${n.id} ${n.text}`);
    expect(texts.slice(1, 5)).toEqual([
      'n1 13 - 9 = 4 (left: 4 4 10)',
      'n2 10 - 4 = 6 (left: 6 9 13)',
      'n3 9 + 13 = 22 (left: 4 10 22)',
      'n4 10 - 4 = 6 (left: 4 6)',
    ]);
    const n1 = node(tree, 'n1');
    expect(n1).toMatchObject({
      parentId: 'n0',
      depth: 1,
      visits: 3,
      status: 'expanded',
      childIds: ['n4', 'n5', 'n6'],
      value: 0.62,
    });
    expect(qValue(n1)).toBeCloseTo(-0.2136, 10);
    expect(n1.prior).toBeCloseTo(1 / 3, 12);
    // x1 counts 3 visits here against 4 in the children: the own part is clamped at zero.
    expect(n1.ownVisits).toBe(0);
    expect(x1Ids.n1).toBe('877f77b2-2c5c-4316-b266-f24a7a44668e');
    expect(node(tree, 'n4').childIds).toEqual(['n13', 'n14', 'n15']);
    expect(node(tree, 'n5')).toMatchObject({
      status: 'open',
      visits: 1,
      ownVisits: 1,
      value: 0.05,
      valueSum: 0.05,
      ownValueSum: 0.05,
    });
  });

  it('reads terminals against the reward range when x1 had a ground truth', () => {
    const { tree } = parseX1Tree(fixture());
    expect(node(tree, 'n13')).toMatchObject({
      status: 'solved',
      text: '4 * 6 = 24. Answer: (10 - 4) * (13 - 9) = 24',
      value: 1,
    });
    expect(node(tree, 'n14')).toMatchObject({ status: 'failed', value: -1 });
    expect(node(tree, 'n14').reason).toMatch(/reward -1 \(its range is -1 to 1\)/);
  });

  it('marks terminals answered when x1 had no ground truth', () => {
    const raw = fixture();
    delete (raw.args as Record<string, unknown>).gt_solution;
    const { tree } = parseX1Tree(raw);
    expect(node(tree, 'n13').status).toBe('answered');
    expect(node(tree, 'n14').status).toBe('answered');
  });

  it('reads a flat list of nodes linked by parent ids, in any order', () => {
    const nested = parseX1Tree(fixture());
    const flat = flatten(fixture());
    const shuffled = [flat[7], flat[0], ...flat.slice(1, 7), ...flat.slice(8)];
    const fromList = parseX1Tree({ nodes: shuffled, args: fixture().args });
    expect(fromList.stats).toEqual(nested.stats);
    expect(fromList.tree.nodes.n0).toEqual(nested.tree.nodes.n0);
    expect(Object.values(fromList.x1Ids).sort()).toEqual(Object.values(nested.x1Ids).sort());
    expect(parseX1Tree({ nodes: flat, args: fixture().args }).tree).toEqual(nested.tree);
    // A bare list has no args: a terminal's reward is read by its sign (x1's default range is -1 to 1).
    const bare = parseX1Tree(flat).tree;
    expect(node(bare, 'n13').status).toBe('solved');
    expect(node(bare, 'n14')).toMatchObject({ status: 'failed', reason: 'x1 gave the answer reward -1' });
  });

  it('refuses a node reachable twice, naming its id', () => {
    const raw = fixture();
    const first = raw.children[0] as Raw;
    (raw.children[1] as Raw).children.push(first.children[1] as Raw);
    expect(refusal(raw)).toMatch(
      /node id "[0-9a-f-]{36}" appears twice \(at children\[0\]\.children\[1\] and at children\[1\]\.children\[3\]\)/,
    );
  });

  it('refuses a cycle of parent links in a flat list', () => {
    const flat = flatten(fixture());
    const a = flat[1] as Record<string, unknown>;
    const b = flat[4] as Record<string, unknown>;
    a.parent = b.id;
    expect(refusal(flat)).toMatch(
      new RegExp(`parent links form a cycle through "(${String(a.id)}|${String(b.id)})"`),
    );
  });

  it('refuses a missing parent and a second root', () => {
    const flat = flatten(fixture());
    (flat[3] as Record<string, unknown>).parent = 'no-such-node';
    expect(refusal(flat)).toMatch(/names parent "no-such-node", which is not in the file/);
    const twoRoots = flatten(fixture());
    (twoRoots[5] as Record<string, unknown>).parent = null;
    expect(refusal(twoRoots)).toMatch(/has 2 roots/);
    const raw = fixture();
    raw.parent = 'elsewhere';
    expect(refusal(raw)).toMatch(/^parent: the top node names parent "elsewhere", which is not in the file/);
    const moved = fixture();
    (moved.children[2] as Raw).parent = (moved.children[0] as Raw).id;
    expect(refusal(moved)).toMatch(
      /children\[2\]\.parent: "877f77b2-[^"]+", but the node sits in the children of "d66887a3-/,
    );
  });

  it('refuses negative visit counts, non-finite numbers and missing fields, with the path', () => {
    const raw = fixture();
    ((raw.children[1] as Raw).children[0] as Raw).visit_count = -2;
    expect(refusal(raw)).toMatch(
      /^not a valid x1 tree: children\[1\]\.children\[0\]\.visit_count: expected >= 0, got -2/,
    );
    const inf = fixture();
    (inf.children[0] as Raw).q_value = Number.NaN;
    expect(refusal(inf)).toMatch(/children\[0\]\.q_value: expected number, got a number/);
    const missing = fixture();
    delete (missing.children[2] as Raw).is_terminal;
    expect(refusal(missing)).toMatch(/children\[2\]\.is_terminal: missing \(expected boolean\)/);
  });

  it('refuses values out of any reward range, overlong steps and ids', () => {
    const huge = fixture();
    (huge.children[0] as Raw).q_value = 1e300;
    expect(refusal(huge)).toMatch(/children\[0\]\.q_value: expected <= 1000000, got 1e\+300/);
    const long = fixture();
    (long.children[0] as Raw).reasoning_step = '<b>'.repeat(10_000);
    expect(refusal(long)).toMatch(/children\[0\]\.reasoning_step: expected <= 20000 characters, got 30,000/);
    const id = fixture();
    (id.children[0] as Raw).id = 'x'.repeat(100_000);
    expect(refusal(id).length).toBeLessThan(300);
  });

  it('refuses prototype keys and trees that are too large', () => {
    const raw = JSON.parse(
      JSON.stringify(fixture()).replace('"args":{', '"args":{"__proto__":{"x":1},'),
    ) as unknown;
    expect(refusal(raw)).toMatch(/args has the key "__proto__"/);
    const many = Array.from({ length: MAX_X1_NODES + 1 }, (_, i) => ({
      id: `x${i}`,
      reasoning_step: 's',
      parent: i === 0 ? null : 'x0',
      visit_count: 1,
      q_value: 0,
      is_terminal: false,
    }));
    expect(refusal(many)).toMatch(/more than 20,000 nodes/);
  });

  it('reads a deep chain without running out of stack', () => {
    let leaf: Raw = {
      id: 'leaf',
      reasoning_step: 'end',
      parent: null,
      visit_count: 1,
      q_value: 0.5,
      is_terminal: true,
      reward: 1,
      children: [],
    };
    for (let i = 0; i < 15_000; i++)
      leaf = {
        id: `c${i}`,
        reasoning_step: `step ${i}`,
        visit_count: 1,
        q_value: 0.5,
        is_terminal: false,
        children: [leaf],
      };
    const { stats } = parseX1Tree(leaf);
    expect(stats).toMatchObject({ nodes: 15_001, maxDepth: 15_000, terminals: 1 });
  });
});
