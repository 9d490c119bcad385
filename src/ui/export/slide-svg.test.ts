import { describe, expect, it } from 'vitest';
import { applyEvent, type NewChild } from '../../core/events';
import { createTree, pathTo, type NodeId, type ReasoningTree } from '../../core/tree';
import { problemLabel, stepLabel, titleLabel } from '../tree/node-label';
import { slideTree, type Box } from './slide-layout';
import { buildSlideSvg, SLIDE_HEIGHT, SLIDE_WIDTH, type SlideInput } from './slide-svg';
import { problemTitle } from './slide-from-state';
import { textWidth } from './svg-text';

function expand(
  tree: ReasoningTree,
  parentId: NodeId,
  children: readonly (readonly [string, NewChild['status']])[],
): NodeId[] {
  const first = tree.nextId;
  applyEvent(tree, {
    type: 'expand',
    parentId,
    children: children.map(([text, status]) => ({
      text,
      logProb: -1,
      prior: 1 / children.length,
      tokens: 4,
      samples: 1,
      status,
    })),
  });
  return children.map((_, i) => `n${first + i}`);
}

function visit(tree: ReasoningTree, id: NodeId, value: number): void {
  applyEvent(tree, { type: 'evaluate', evaluations: [{ nodeId: id, value, source: 'value-model' }] });
  applyEvent(tree, {
    type: 'backpropagate',
    nodeIds: pathTo(tree, id).slice(0, -1),
    visits: 1,
    valueSum: value,
  });
}

/** 1 8 10 11 -> 24: three first steps, one line solved. */
function countdownTree(): ReasoningTree {
  const tree = createTree();
  const [a, b, c] = expand(tree, 'n0', [
    ['11+1=12 (left: 8 10 12)', 'open'],
    ['10-8=2 (left: 1 2 11)', 'open'],
    ['11*10=110 (left: 1 8 110)', 'open'],
  ]) as [NodeId, NodeId, NodeId];
  visit(tree, a, 0.8);
  visit(tree, b, 0.4);
  visit(tree, c, 0.1);
  const [d] = expand(tree, a, [['10-8=2 (left: 2 12)', 'open']]) as [NodeId];
  visit(tree, d, 0.9);
  const [e, f] = expand(tree, d, [
    ['12*2=24 (left: 24)', 'solved'],
    ['12+2=14 (left: 14)', 'failed'],
  ]) as [NodeId, NodeId];
  visit(tree, e, 1);
  visit(tree, f, 0);
  return tree;
}

const countdownRoot = problemLabel({ task: 'countdown', problem: { numbers: [1, 8, 10, 11], target: 24 } });

function input(tree: ReasoningTree, overrides: Partial<SlideInput> = {}): SlideInput {
  return {
    tree,
    title: problemTitle({ task: 'countdown', problem: { numbers: [11, 1, 8, 10], target: 24 } }),
    subtitle: 'MCTS (PUCT, c = 1, k = 16) · 5 of 32 simulations · solved ✓ (first at simulation 5)',
    labelOf: (id, text) => (id === tree.rootId ? countdownRoot : stepLabel(text)),
    path: ['n0', 'n1', 'n4', 'n5'],
    pathLabel: 'solution path',
    ...overrides,
  };
}

/** A seeded MCTS-like tree of `size` nodes, 12 children per expansion, visits on a few lines. */
function bigTree(size: number): ReasoningTree {
  const tree = createTree();
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const open: NodeId[] = ['n0'];
  while (tree.nextId < size) {
    const parent = open[Math.floor(random() ** 3 * open.length)] ?? 'n0';
    open.splice(open.indexOf(parent), 1);
    const kids = expand(
      tree,
      parent,
      Array.from(
        { length: 12 },
        (_, i) =>
          [`${i + 1}+${tree.nextId}=${i + 1 + tree.nextId} (left: 3 ${tree.nextId})`, 'open'] as const,
      ),
    );
    for (const k of kids) visit(tree, k, random());
    open.push(...kids);
  }
  return tree;
}

const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

describe('buildSlideSvg', () => {
  const svg = buildSlideSvg(input(countdownTree()));

  it('is a 16:9 standalone SVG document at 1920 x 1080', () => {
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain(`viewBox="0 0 ${SLIDE_WIDTH} ${SLIDE_HEIGHT}"`);
    expect(SLIDE_WIDTH / SLIDE_HEIGHT).toBeCloseTo(16 / 9);
  });

  it('has the problem as its title and the outcome as its subtitle', () => {
    expect(svg).toContain('>Game of 24: 1 8 10 11 → 24</text>');
    expect(svg).toContain('solved ✓ (first at simulation 5)');
  });

  it('has a legend with every encoding of the tree', () => {
    for (const entry of [
      'colour: Q',
      'visits N',
      'edge width: the child&#39;s N',
      'solution path',
      'solved (verified)',
      'failed',
      'answer, not checked',
      'pruned',
      'visits, mean value',
    ]) {
      expect(svg).toContain(entry.replace('&#39;', "'"));
    }
  });

  it('draws every node, with its full label and its N and Q', () => {
    expect(count(svg, /class="slide-node"/g)).toBe(7);
    expect(svg).toContain('>1 8 10 11 → 24</text>');
    for (const line of [
      '11+1=12',
      'left 8 10 12',
      '10−8=2',
      'left 2 12',
      '12×2=24',
      'left 24',
      '11×10=110',
      'left 1 8 110',
    ]) {
      expect(svg).toContain(`>${line}</text>`);
    }
    // The root: N counts its children's visits; Q = W / N.
    expect(svg).toContain('>N 6 · Q 0.53</text>');
    expect(svg).toContain('>N 1 · Q 1.00</text>');
    expect(svg).not.toContain('…');
  });

  it('sets a long math question whole, in smaller type, above the tree', () => {
    const question =
      'Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. ' +
      'How many clips did Natalia sell altogether in April and May? She also gave away 3 clips to her ' +
      'sister and bought 10 more at the store on the way home.';
    const text = buildSlideSvg({
      ...input(countdownTree()),
      title: problemTitle({ task: 'math', problem: { question, answer: 72 } }),
    });
    const heading = text.slice(text.indexOf('class="slide-heading"'), text.indexOf('class="slide-edges"'));
    const lines = [...heading.matchAll(/font-weight="700">([^<]*)</g)].map((m) => m[1]);
    expect(lines.join(' ')).toBe(`Math: ${question}`);
    expect(lines.length).toBeGreaterThan(2);
    expect(heading).not.toContain('…');
  });

  it('holds no interface control', () => {
    expect(svg).not.toMatch(/<(button|foreignObject|input|a|script)[\s>]/);
    expect(svg).not.toContain('data-testid');
    expect(svg).not.toMatch(/collapse|badge|tree-view__|class="tree-/);
  });

  it('escapes XML special characters in a math problem and its steps', () => {
    const tree = createTree();
    expand(tree, 'n0', [['If x < 3 & y > 2 then "x" = \'y\' </text><script>', 'open']]);
    visit(tree, 'n1', 0.5);
    const question = 'Is 3 < 4 & 5 > 2? <script>alert(1)</script>';
    const text = buildSlideSvg({
      ...input(tree, { path: ['n0', 'n1'] }),
      title: problemTitle({ task: 'math', problem: { question, answer: 1 } }),
      labelOf: (id, t) => (id === 'n0' ? titleLabel(question) : stepLabel(t)),
    });
    expect(text).toContain('Math: Is 3 &lt; 4 &amp; 5 &gt; 2? &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toContain('<script');
    expect(text).toContain('x &lt; 3 &amp; y &gt; 2');
    // Text outside markup holds no raw &, and every < opens one of the few tags the slide writes.
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    const tags = new Set([...text.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual([
      'circle',
      'defs',
      'desc',
      'g',
      'line',
      'linearGradient',
      'path',
      'rect',
      'stop',
      'svg',
      'text',
      'title',
    ]);
  });
});

describe('slideTree', () => {
  const area = { x: 96, y: 200, width: 1728, height: 720 };
  const labelOf = (id: NodeId, text: string) => (id === 'n0' ? countdownRoot : stepLabel(text));

  it('keeps every label box apart and inside the slide', () => {
    for (const tree of [countdownTree(), bigTree(80), bigTree(600)]) {
      const slide = slideTree({ tree, area, path: ['n0'], labelOf });
      const boxes = slide.nodes.flatMap((n) => (n.label ? [n.label.box] : []));
      expect(boxes.length).toBeGreaterThan(0);
      const circles = slide.nodes.map((n) => ({
        id: n.id,
        x: n.x - n.r,
        y: n.y - n.r,
        width: 2 * n.r,
        height: 2 * n.r,
      }));
      for (const b of boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(SLIDE_WIDTH);
        expect(b.y).toBeGreaterThanOrEqual(area.y);
        expect(b.y + b.height).toBeLessThanOrEqual(area.y + area.height);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i] as Box, boxes[j] as Box)).toBe(true);
      // No label covers a node but its own.
      for (const n of slide.nodes)
        for (const c of circles) if (n.label && c.id !== n.id) expect(apart(n.label.box, c)).toBe(true);
    }
  });

  it('grows left to right when asked: children right of their parent, labels beside the nodes', () => {
    const slide = slideTree({
      tree: countdownTree(),
      area,
      path: ['n0'],
      labelOf,
      orientation: 'left-right',
    });
    const at = (id: string) => slide.nodes.find((n) => n.id === id);
    expect(slide.orientation).toBe('left-right');
    expect(at('n1')!.x).toBeGreaterThan(at('n0')!.x);
    expect(at('n4')!.x).toBeGreaterThan(at('n1')!.x);
    expect(at('n1')!.label?.anchor).toBe('start');
    expect(at('n1')!.label!.x).toBeGreaterThan(at('n1')!.x);
  });

  it('labels a small tree in full', () => {
    const slide = slideTree({ tree: countdownTree(), area, path: ['n0'], labelOf });
    expect(slide.labelled).toBe(7);
  });

  it('always shows N and Q on the path in a 600-node tree, and keeps the file reasonable', () => {
    const tree = bigTree(600);
    // The deepest line drawn: its nodes are the least likely to find room on their own.
    let deepest: NodeId = 'n0';
    for (const node of Object.values(tree.nodes))
      if (node.depth > (tree.nodes[deepest]?.depth ?? 0)) deepest = node.id;
    const path = pathTo(tree, deepest);
    const slide = slideTree({ tree, area, path, labelOf });
    for (const id of path)
      expect(slide.nodes.find((n) => n.id === id)?.label?.stats).toMatch(/^N \d+ · Q \d\.\d\d$/);
    expect(slide.labelled).toBeGreaterThan(10);
    const text = buildSlideSvg(input(tree, { path }));
    expect(text.length).toBeLessThan(400_000);
  });
});

describe('textWidth', () => {
  it('estimates by character: digits and signs wide, spaces and thin letters narrow', () => {
    // DejaVu Sans at 20 px draws "left 8 10 10" about 116 px wide and "11+1=12" about 97 px.
    expect(textWidth('left 8 10 10', 20)).toBeGreaterThan(112);
    expect(textWidth('left 8 10 10', 20)).toBeLessThan(124);
    expect(textWidth('11+1=12', 20)).toBeGreaterThan(94);
    expect(textWidth('11+1=12', 20)).toBeLessThan(104);
  });
});
