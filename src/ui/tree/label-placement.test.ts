import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelSource, type PlacementOptions } from './label-placement';

/** About a sans-serif face at 13 px: 7 px a character. */
const measure = (line: string): number => line.length * 7;
const options = (k: number, orientation: PlacementOptions['orientation'] = 'top-down'): PlacementOptions => ({
  k,
  orientation,
  labelPx: 13,
  measure,
});

function source(id: string, x: number, y: number, priority = 1, root = false): LabelSource {
  return { id, x, y, r: 8, lines: ['10−8=2', 'left 2 12'], priority, root, inner: false };
}

/** A root and a row of `count` siblings one 48-unit spacing apart, 84 units below it. */
function fan(count: number): LabelSource[] {
  const kids = Array.from({ length: count }, (_, i) =>
    source(`n${i + 1}`, (i - (count - 1) / 2) * 48, 84, i),
  );
  return [{ ...source('n0', 0, 0, 100, true), lines: ['1 8 10 11 → 24'] }, ...kids];
}

function noOverlap(placed: ReturnType<typeof placeLabels>): void {
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      expect(overlaps(placed[i]!.box, placed[j]!.box), `${placed[i]!.id} / ${placed[j]!.id}`).toBe(false);
    }
  }
}

describe('placeLabels', () => {
  it('places every label of a fan once there is room, the root above its node', () => {
    const placed = placeLabels(fan(12), options(3));
    expect(placed).toHaveLength(13);
    noOverlap(placed);
    const root = placed.find((p) => p.id === 'n0');
    expect(root && root.box.y1).toBeLessThan(0);
  });

  it('leaves out labels that would collide, keeping the higher priority ones', () => {
    const placed = placeLabels(fan(12), options(0.8));
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(13);
    noOverlap(placed);
    expect(placed[0]?.id).toBe('n0');
    // The highest-priority sibling (the last, priority 11) is always placed.
    expect(placed.map((p) => p.id)).toContain('n12');
  });

  it('shows more labels as the zoom grows', () => {
    const counts = [0.5, 1, 2, 4].map((k) => placeLabels(fan(12), options(k)).length);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts[3]).toBeGreaterThan(counts[0]!);
  });

  it('never covers another node with a label', () => {
    // A node right under its neighbour's label spot.
    const sources = [source('a', 0, 0, 2), { ...source('b', 0, 14, 1), lines: [] }];
    const placed = placeLabels(sources, options(1));
    const a = placed.find((p) => p.id === 'a');
    // Not below (node b is there): it moved to the right of its node.
    expect(a?.anchor).toBe('start');
    expect(a && overlaps(a.box, { x0: -8, y0: 6, x1: 8, y1: 22 })).toBe(false);
  });

  it('puts labels to the right of their nodes left to right, siblings one line apart', () => {
    const siblings = Array.from({ length: 8 }, (_, i) => ({
      ...source(`n${i + 1}`, 132, i * 48, 1),
      lines: ['10−8=2  left 2 12'],
    }));
    const placed = placeLabels(siblings, options(0.5, 'left-right'));
    expect(placed).toHaveLength(8);
    noOverlap(placed);
    for (const p of placed) expect(p.anchor).toBe('start');
  });

  it('is deterministic and places nothing for empty lines', () => {
    const a = placeLabels(fan(30), options(1));
    const b = placeLabels(fan(30), options(1));
    expect(a).toEqual(b);
    expect(placeLabels([{ ...source('x', 0, 0), lines: [] }], options(1))).toEqual([]);
  });

  it("keeps an inner node's label off the edges leaving it: beside it top-down, above it left to right", () => {
    const inner = { ...source('a', 0, 0), inner: true };
    const down = placeLabels([inner], options(1))[0];
    expect(down?.anchor).toBe('start');
    expect(down && down.box.x0).toBeGreaterThan(8);
    const right = placeLabels([{ ...inner, lines: ['10−8=2  left 2 12'] }], options(1, 'left-right'))[0];
    expect(right && right.box.y1).toBeLessThan(-8);
  });

  it('never covers a fold button, its own included', () => {
    const badge = { x0: 7, y0: -17, x1: 18, y1: -6 };
    const root = { ...source('n0', 0, 0, 10, true), lines: ['1 8 10 11 → 24'], inner: true, badge };
    const placed = placeLabels([root], options(3))[0];
    expect(placed).toBeDefined();
    expect(placed && overlaps(placed.box, { x0: 21, y0: -51, x1: 54, y1: -18 })).toBe(false);
  });
});
