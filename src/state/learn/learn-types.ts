import type { CurvePoint, Generation } from '../../learn/learn-loop';
import type { ValueTarget } from '../../learn/examples';
import type { LossPoint } from '../../learn/trainer';

/*
 * Added by helper A (the store's author), for helper B's view:
 *  - `restored`: false until what earlier visits stored (buffer, generations) has been read back;
 *  - `StoredGeneration.hasValue`: whether the generation has a value model of its own;
 *  - `clearGenerations()`: forgets every generation and its weights (the buffer stays), so that the
 *    next Start begins again from generation 0 (Start otherwise resumes from the newest one).
 * The store: createLearnStore(deps) in learn-store.ts; in the page, createBrowserLearnStore() in
 * browser-learn-store.ts.
 */

/**
 * The Learn view's state: self-play, training and measurement in a worker (src/learn/worker/),
 * the replay buffer and the generations in IndexedDB. The view (src/ui/learn/) reads only this.
 */
export type LearnPhase =
  | 'idle'
  | 'loading'
  | 'evaluate'
  | 'self-play'
  | 'train-policy'
  | 'train-value'
  | 'paused'
  | 'done'
  | 'cancelled'
  | 'error';

export interface LearnSettings {
  /** Rounds to run when Start is pressed (each: self-play, train both models, measure). */
  readonly rounds: number;
  readonly puzzlesPerRound: number;
  /** MCTS simulations in self-play. */
  readonly simulations: number;
  /** The Blueprint's outcome- vs process-based supervision of the value model. */
  readonly valueTarget: ValueTarget;
  /** Generation 0: the shipped policy without a value model ('none': the whole climb), or the shipped pair. */
  readonly from: 'none' | 'shipped';
  readonly epochs: number;
  /** Held-out puzzles measured at every generation (the first N of benchmarks/countdown-100.jsonl). */
  readonly evalPuzzles: number;
  /** Budgets of the solve-rate-against-simulations curve. */
  readonly measureSimulations: readonly number[];
  readonly seed: number;
}

export interface StoredGeneration extends Generation {
  /** The generation's id in IndexedDB (its weights are stored beside it). */
  readonly id: string;
  readonly settings: LearnSettings;
  readonly createdAt: number;
  /** Whether a value model is stored with it (none at generation 0 from 'none'); absent in older records. */
  readonly hasValue?: boolean;
}

export interface BufferSummary {
  readonly records: number;
  /** Path examples (training sequences) in all records. */
  readonly examples: number;
  /** Records per round (0 = added from saved sessions). */
  readonly byRound: Readonly<Record<number, number>>;
  readonly solvedShare: number;
}

export interface LearnProgress {
  readonly done: number;
  readonly total: number;
  /** What is being done, in words ("Self-play: puzzle 12 of 300"). */
  readonly text: string;
}

export interface LearnState {
  readonly phase: LearnPhase;
  readonly round: number;
  readonly progress: LearnProgress | null;
  readonly settings: LearnSettings;
  /** Training curves of the current run, per round; held-out points where measured. */
  readonly losses: readonly (LossPoint & { readonly round: number })[];
  /** Every generation kept, oldest first (generation 0 first). */
  readonly generations: readonly StoredGeneration[];
  readonly buffer: BufferSummary;
  /** Backend the training runs on ('wasm' or 'webgpu') and why. */
  readonly backend: string | null;
  /** A user-facing message (import refused, storage full...); null when none. */
  readonly message: string | null;
  readonly error: string | null;
  /** False until the buffer and generations stored by earlier visits have been read back. */
  readonly restored: boolean;

  setSettings(patch: Partial<LearnSettings>): void;
  start(): Promise<void>;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** Adds the saved sessions' searches (IndexedDB archive) to the replay buffer. */
  addSavedSessions(): Promise<void>;
  importBuffer(file: File): Promise<void>;
  exportBuffer(): Promise<Blob>;
  clearBuffer(): Promise<void>;
  /** Forgets every generation and its weights (the buffer stays); the next Start begins at generation 0. */
  clearGenerations(): Promise<void>;
  /** A .tar of the generation's model folders (countdown-policy/, countdown-value/), loadable by the eval CLI. */
  exportGeneration(id: string): Promise<Blob>;
  /** The playground's URL with this generation's pair selected. */
  playgroundUrl(id: string): string;
  dismissMessage(): void;
}

export type { CurvePoint };
