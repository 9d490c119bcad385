/**
 * A small seeded pseudo-random generator (mulberry32). The engine never calls Math.random:
 * every random choice flows from one seed, so the same seed grows the same tree.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator's whole state: restoring it replays the same draws (checkpoints, forks). */
  get state32(): number {
    return this.state;
  }

  set state32(value: number) {
    this.state = value >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** Index drawn in proportion to non-negative weights; the last positive index on rounding. */
  pickWeighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.nextFloat() * total;
    let last = -1;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (w <= 0) continue;
      last = i;
      if (x < w) return i;
      x -= w;
    }
    return last;
  }
}
