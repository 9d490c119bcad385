import {
  snapshotState,
  type Phase,
  type SearchResult,
  type Strategy,
  type StrategyName,
  type StrategySnapshot,
} from './strategy';

/** What every strategy's state holds besides its own fields. */
export interface BaseState {
  phase: Phase;
  result: SearchResult | undefined;
}

/**
 * A strategy whose mutable state lives in one plain object `s`, so that a snapshot is a deep copy
 * of it and a restore puts a copy back: backtracking and forks need nothing else.
 */
export abstract class StatefulStrategy<S extends BaseState> implements Strategy {
  abstract readonly name: StrategyName;

  protected constructor(protected s: S) {}

  get phase(): Phase {
    return this.s.phase;
  }

  get result(): SearchResult | undefined {
    return this.s.result;
  }

  snapshot(): StrategySnapshot {
    return { strategy: this.name, state: structuredClone(this.s) };
  }

  restore(snapshot: StrategySnapshot): void {
    this.s = snapshotState<S>(this.name, snapshot);
  }

  abstract step(): Promise<Phase>;
}
