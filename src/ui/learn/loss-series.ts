import type { LearnState } from '../../state/learn/learn-types';

/**
 * The loss chart's data for one model: each round's training run laid after the previous one on
 * one x axis (batches), so that a lecturer sees the whole run; lines break between rounds, since
 * each round trains on a new replay buffer.
 */
export interface XY {
  readonly x: number;
  readonly y: number;
}

export interface RoundLosses {
  readonly round: number;
  /** Where the round's batch 0 sits on the shared x axis. */
  readonly offset: number;
  readonly end: number;
  readonly train: readonly XY[];
  readonly heldOut: readonly XY[];
}

export interface LossSeries {
  readonly rounds: readonly RoundLosses[];
  readonly xMax: number;
  readonly yMax: number;
}

type Point = LearnState['losses'][number];

export function lossSeries(losses: readonly Point[], model: 'policy' | 'value'): LossSeries {
  const byRound = new Map<number, Point[]>();
  for (const p of losses) {
    if (p.model !== model) continue;
    const list = byRound.get(p.round) ?? [];
    list.push(p);
    byRound.set(p.round, list);
  }
  const rounds: RoundLosses[] = [];
  let offset = 0;
  let yMax = 0;
  for (const round of [...byRound.keys()].sort((a, b) => a - b)) {
    const points = byRound.get(round) ?? [];
    const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
    const train = points
      .filter((p) => finite(p.train))
      .map((p) => ({ x: offset + p.step, y: p.train as number }));
    const heldOut = points
      .filter((p) => finite(p.heldOut))
      .map((p) => ({ x: offset + p.step, y: p.heldOut as number }));
    for (const xy of [...train, ...heldOut]) yMax = Math.max(yMax, xy.y);
    const steps = Math.max(1, ...points.map((p) => p.step));
    rounds.push({ round, offset, end: offset + steps, train, heldOut });
    offset += steps;
  }
  return { rounds, xMax: Math.max(1, offset), yMax: yMax > 0 ? yMax : 1 };
}
