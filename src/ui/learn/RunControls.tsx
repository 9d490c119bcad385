import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLearn } from './learn-context';
import { isRunning, runView } from './run-view';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Start, pause, resume and cancel, with where the run is and which backend trains. */
export function RunControls() {
  const r = useLearn(
    useShallow((s) => ({
      phase: s.phase,
      round: s.round,
      progress: s.progress,
      lastLoss: s.losses.at(-1) ?? null,
      backend: s.backend,
      error: s.error,
      restored: s.restored,
      rounds: s.settings.rounds,
      epochs: s.settings.epochs,
      newest: s.generations.at(-1)?.round ?? null,
      start: s.start,
      pause: s.pause,
      resume: s.resume,
      cancel: s.cancel,
    })),
  );
  // The phase a pause interrupted, kept from the renders before it (the store says only 'paused').
  const [lastRunning, setLastRunning] = useState(r.phase);
  if (isRunning(r.phase) && r.phase !== lastRunning) setLastRunning(r.phase);
  // A pause takes hold at the next puzzle or batch: until then the button says so.
  const [pauseAsked, setPauseAsked] = useState(false);
  if (pauseAsked && !isRunning(r.phase)) setPauseAsked(false);
  const view = runView({ ...r, lastRunning, pauseAsked });
  const [failed, setFailed] = useState<string | null>(null);
  const press = () => {
    setFailed(null);
    if (view.main === 'start')
      r.start().catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    else if (view.main === 'pause') {
      setPauseAsked(true);
      r.pause();
    } else r.resume();
  };
  const label =
    view.main === 'pause'
      ? view.mainEnabled
        ? 'Pause'
        : 'Pausing…'
      : view.main === 'resume'
        ? 'Resume'
        : r.newest === null
          ? `Start: ${plural(r.rounds, 'round')}`
          : `Continue from gen ${r.newest}: ${plural(r.rounds, 'round')}`;
  const fraction = r.progress && r.progress.total > 0 ? r.progress.done / r.progress.total : null;
  return (
    <section className="learn-panel learn-run" aria-labelledby="learn-run-title" data-testid="learn-run">
      <h2 id="learn-run-title">Run</h2>
      <div className="learn-actions">
        <button
          type="button"
          className="learn-button learn-button--primary"
          data-testid={`btn-learn-${view.main}`}
          disabled={!view.mainEnabled || (view.main === 'start' && !r.restored)}
          onClick={press}
        >
          {label}
        </button>
        {view.canCancel && (
          <button type="button" className="learn-button" data-testid="btn-learn-cancel" onClick={r.cancel}>
            Cancel
          </button>
        )}
      </div>
      <p className="learn-run__line" data-testid="learn-phase" data-phase={r.phase} aria-live="polite">
        {r.restored ? view.line : 'Reading what this browser kept…'}
      </p>
      {view.active && fraction !== null && (
        <progress className="learn-run__bar" max={1} value={fraction} aria-label="Progress of this phase" />
      )}
      <p className="learn-note" data-testid="learn-backend">
        {r.backend
          ? `Training in this tab on ${r.backend}`
          : 'Training runs in this tab: WebGPU on a real GPU, else WASM (chosen at Start).'}
      </p>
      {failed && (
        <p className="learn-error" role="alert">
          Could not start: {failed}
        </p>
      )}
      {r.error && (
        <p className="learn-error" role="alert" data-testid="learn-error">
          {r.error}
        </p>
      )}
    </section>
  );
}
