import { describe, expect, it } from 'vitest';
import { glyphScale, nodeRadius } from './node-style';

describe('glyphScale', () => {
  it('leaves glyphs at the zoom when the smallest is already big enough', () => {
    expect(glyphScale(1, 13)).toBe(1);
    expect(glyphScale(3, 22)).toBe(1);
  });

  it('grows the glyphs of a zoomed-out tree so the smallest keeps a visible radius, within a cap', () => {
    const k = 0.5;
    const g = glyphScale(k, 13);
    expect(g).toBeGreaterThan(1);
    // About 40% of the label size on screen, within the quarter-octave quantization.
    expect(nodeRadius(0) * k * g).toBeGreaterThan(0.4 * 13 * 0.8);
    expect(glyphScale(0.05, 22)).toBeLessThanOrEqual(2.2);
    // Larger labels (the presenter view) ask for larger glyphs.
    expect(glyphScale(0.5, 22)).toBeGreaterThan(g);
  });
});
