import type { LearnPhase, LearnProgress } from '../../state/learn/learn-types';
import type { LossPoint } from '../../learn/trainer';

/**
 * What the run controls show: one main button (Start, Pause or Resume, never two of them), Cancel
 * only while a run is going or paused, and one line saying where the run is
 * ("Round 2 · self-play · puzzle 12 of 40").
 */
export type MainAction = 'start' | 'pause' | 'resume';

export interface RunView {
  /** A run is going or paused: the settings and the buffer's actions wait for it. */
  readonly active: boolean;
  readonly main: MainAction;
  /** False while a pause asked for has not yet taken hold. */
  readonly mainEnabled: boolean;
  readonly canCancel: boolean;
  readonly line: string;
}

export interface RunFacts {
  readonly phase: LearnPhase;
  /** The phase the run was in before a pause (the phase itself while running). */
  readonly lastRunning: LearnPhase;
  readonly round: number;
  readonly progress: LearnProgress | null;
  /** The newest loss point of this run (says the epoch while a model trains). */
  readonly lastLoss: (LossPoint & { readonly round: number }) | null;
  readonly epochs: number;
  /** Pause was pressed; the run stops at its next puzzle or batch (a measurement runs to its end). */
  readonly pauseAsked: boolean;
}

const RUNNING: ReadonlySet<LearnPhase> = new Set([
  'loading',
  'evaluate',
  'self-play',
  'train-policy',
  'train-value',
]);

export function isRunning(phase: LearnPhase): boolean {
  return RUNNING.has(phase);
}

export const ENDED_LABELS: Readonly<Record<LearnPhase, string>> = {
  idle: 'Ready',
  loading: 'Starting',
  evaluate: 'Measuring',
  'self-play': 'Self-play',
  'train-policy': 'Training the policy',
  'train-value': 'Training the value model',
  paused: 'Paused',
  done: 'Done',
  cancelled: 'Cancelled',
  error: 'Stopped by an error',
};

/** What a running phase is doing, in words, after the round. */
function doing(f: RunFacts, phase: LearnPhase): string {
  const p = f.progress;
  switch (phase) {
    case 'loading':
      return p?.text.replace(/…$/, '') ?? 'starting';
    case 'evaluate':
      return `measuring generation ${f.round}${p && p.total > 0 ? ` on ${p.total} held-out puzzles` : ''}`;
    case 'self-play':
      return p && p.done > 0 ? `self-play · puzzle ${p.done} of ${p.total}` : 'self-play · starting';
    case 'train-policy':
    case 'train-value': {
      const model = phase === 'train-policy' ? 'policy' : 'value';
      const name = model === 'policy' ? 'training the policy' : 'training the value model';
      const loss =
        f.lastLoss && f.lastLoss.round === f.round && f.lastLoss.model === model ? f.lastLoss : null;
      if (!loss) return name;
      return `${name} · epoch ${Math.max(1, loss.epoch)} of ${f.epochs} · batch ${loss.step}`;
    }
    default:
      return ENDED_LABELS[phase].toLowerCase();
  }
}

export function runView(f: RunFacts): RunView {
  const running = isRunning(f.phase);
  const paused = f.phase === 'paused';
  const active = running || paused;
  const main: MainAction = running ? 'pause' : paused ? 'resume' : 'start';
  const where = f.round === 0 ? 'Before training' : `Round ${f.round}`;
  let line: string;
  if (f.phase === 'loading') line = doing(f, 'loading');
  else if (running) line = `${where} · ${doing(f, f.phase)}`;
  else if (paused) line = `${where} · paused · ${doing(f, f.lastRunning)}`;
  else line = ENDED_LABELS[f.phase];
  if (running && f.pauseAsked) line += ' · pausing at the next puzzle or batch';
  return {
    active,
    main,
    mainEnabled: !(running && f.pauseAsked),
    canCancel: active,
    line: line.charAt(0).toUpperCase() + line.slice(1),
  };
}
