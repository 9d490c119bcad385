import { describe, expect, it } from 'vitest';
import { fitPads, type LabelSource } from './label-placement';
import { labelPads } from './tree-orientation';
import { fitTransform, overflows } from './tree-viewport';

const bounds = { minX: -240, maxX: 240, minY: 0, maxY: 168 };
const pads = { top: 20, bottom: 40, left: 30, right: 30 };

describe('fitTransform', () => {
  it("fills the limiting dimension and centres the other, the labels' room kept", () => {
    const size = { width: 1600, height: 400 };
    const t = fitTransform({ bounds, pads }, size);
    // Height limits: the tree's top and bottom (with their margins and pads) touch the view's.
    const top = t.applyY(bounds.minY);
    const bottom = t.applyY(bounds.maxY);
    expect(top).toBeGreaterThan(pads.top);
    expect(bottom).toBeLessThan(size.height - pads.bottom);
    expect(top - pads.top).toBeCloseTo(size.height - pads.bottom - bottom, 0);
    // Centred across.
    expect(t.applyX(0)).toBeCloseTo(pads.left + (size.width - pads.left - pads.right) / 2, 0);
    expect(overflows({ bounds, pads }, t, size)).toBe(false);
  });

  it('scales a small tree up past 1.5 (labels keep their size on screen), up to 3', () => {
    const small = { minX: -24, maxX: 24, minY: 0, maxY: 84 };
    const t = fitTransform({ bounds: small, pads }, { width: 1920, height: 1000 });
    expect(t.k).toBeGreaterThan(1.5);
    expect(t.k).toBeLessThanOrEqual(3);
  });

  it('keeps the nodes 40% of a narrow view when long labels would want all of it (a phone, math paragraphs)', () => {
    // Left to right, depth 1: the root's paragraph before it, its children's after them.
    const chain = { minX: 0, maxX: 132, minY: -72, maxY: 72 };
    const wide = { top: 20, bottom: 20, left: 240, right: 260 };
    const size = { width: 367, height: 480 };
    const t = fitTransform({ bounds: chain, pads: wide }, size);
    const span = t.applyX(chain.maxX) - t.applyX(chain.minX);
    expect(span).toBeGreaterThan(0.25 * size.width);
    // Still inside the view: the nodes themselves never leave it.
    expect(t.applyX(chain.minX)).toBeGreaterThan(0);
    expect(t.applyX(chain.maxX)).toBeLessThan(size.width);
  });
});

describe('fitPads', () => {
  const measure = (line: string) => line.length * 7;
  const source = (id: string, x: number, lines: string[], root = false): LabelSource => ({
    id,
    x,
    y: root ? 0 : 132,
    r: 9,
    lines,
    priority: 1,
    root,
    inner: root,
  });

  it('leaves room for the longest label at the deepest level and for the root, left to right', () => {
    const base = labelPads('left-right', 13);
    const sources = [
      source('n0', 0, ['1 8 10 11 → 24'], true),
      source('n1', 132, ['10−8=2  left 2 12  (N 62 · Q 1.00)']),
    ];
    const p = fitPads(sources, { orientation: 'left-right', labelPx: 13, measure }, base);
    expect(p.right).toBeGreaterThan(measure('10−8=2  left 2 12  (N 62 · Q 1.00)'));
    expect(p.left).toBeGreaterThan(measure('1 8 10 11 → 24'));
    expect(fitPads([], { orientation: 'left-right', labelPx: 13, measure }, base)).toEqual(base);
  });
});
