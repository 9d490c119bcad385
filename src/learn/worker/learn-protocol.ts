import type { Generation, LearnConfig } from '../learn-loop';
import type { SelfPlayRecord } from '../self-play';
import type { LossPoint } from '../trainer';

/**
 * The typed messages between the page and the learn worker. The page sends a run's config and
 * where it starts (a stored generation and the replay buffer, from IndexedDB); the worker reports
 * as things happen, each self-play record and generation as soon as it exists so the page can
 * store it. Weights travel as ArrayBuffers (transferred).
 */
export interface WeightBuffers {
  readonly policy: ArrayBuffer;
  readonly value: ArrayBuffer | null;
}

export interface StartRequest {
  readonly type: 'start';
  readonly config: LearnConfig;
  /** The first N puzzles of benchmarks/countdown-100.jsonl are measured at every generation. */
  readonly evalPuzzles: number;
  readonly from?: { readonly generation: Generation; readonly weights: WeightBuffers };
  readonly buffer: readonly SelfPlayRecord[];
}
export interface PauseRequest {
  readonly type: 'pause';
}
export interface ResumeRequest {
  readonly type: 'resume';
}
export interface CancelRequest {
  readonly type: 'cancel';
}
export type LearnRequest = StartRequest | PauseRequest | ResumeRequest | CancelRequest;

export type LearnWorkerPhase = 'evaluate' | 'self-play' | 'train-policy' | 'train-value';

export type LearnMessage =
  | { readonly type: 'backend'; readonly backend: string; readonly reason: string }
  | { readonly type: 'phase'; readonly phase: LearnWorkerPhase; readonly round: number }
  | {
      readonly type: 'self-play';
      readonly record: SelfPlayRecord;
      readonly index: number;
      readonly total: number;
    }
  | { readonly type: 'loss'; readonly point: LossPoint; readonly round: number }
  | { readonly type: 'generation'; readonly generation: Generation; readonly weights: WeightBuffers }
  /** The run waits (a pause took hold at its next puzzle or batch). */
  | { readonly type: 'paused' }
  | { readonly type: 'resumed' }
  | { readonly type: 'done' }
  | { readonly type: 'cancelled' }
  | { readonly type: 'error'; readonly message: string };
