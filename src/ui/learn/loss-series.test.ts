import { describe, expect, it } from 'vitest';
import { lossSeries } from './loss-series';

describe('lossSeries', () => {
  it("lays each round's batches after the previous round's, per model", () => {
    const s = lossSeries(
      [
        { model: 'policy', round: 1, step: 0, epoch: 0, heldOut: 2 },
        { model: 'policy', round: 1, step: 5, epoch: 0, train: 1.5 },
        { model: 'value', round: 1, step: 3, epoch: 0, train: 9 },
        { model: 'policy', round: 1, step: 10, epoch: 1, train: 1.2, heldOut: 1.4 },
        { model: 'policy', round: 2, step: 0, epoch: 0, heldOut: 1.3 },
        { model: 'policy', round: 2, step: 4, epoch: 0, train: 1.1 },
      ],
      'policy',
    );
    expect(s.rounds.map((r) => [r.round, r.offset, r.end])).toEqual([
      [1, 0, 10],
      [2, 10, 14],
    ]);
    expect(s.rounds[0]?.train).toEqual([
      { x: 5, y: 1.5 },
      { x: 10, y: 1.2 },
    ]);
    expect(s.rounds[1]?.heldOut).toEqual([{ x: 10, y: 1.3 }]);
    expect(s.xMax).toBe(14);
    expect(s.yMax).toBe(2);
  });

  it('leaves out losses that are not numbers and keeps a usable scale when empty', () => {
    const s = lossSeries([{ model: 'value', round: 1, step: 2, epoch: 0, train: Number.NaN }], 'value');
    expect(s.rounds[0]?.train).toEqual([]);
    expect(lossSeries([], 'policy')).toEqual({ rounds: [], xMax: 1, yMax: 1 });
  });
});
