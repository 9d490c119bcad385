import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { downloadBlob } from '../export/download';
import { percent } from './generation-series';
import { useLearn } from './learn-context';
import { isRunning } from './run-view';

function roundsText(byRound: Readonly<Record<number, number>>): string {
  const entries = Object.entries(byRound)
    .map(([round, n]) => [Number(round), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  if (entries.length === 0) return 'none';
  return entries
    .map(([round, n]) => (round === 0 ? `saved sessions ${n}` : `round ${round}: ${n}`))
    .join(' · ');
}

/**
 * The replay buffer: the searches training learns from, kept in this browser. Saved sessions and
 * files can be added; a file that is not a buffer is refused with the store's message.
 */
export function BufferPanel() {
  const b = useLearn(
    useShallow((s) => ({
      buffer: s.buffer,
      phase: s.phase,
      message: s.message,
      addSavedSessions: s.addSavedSessions,
      importBuffer: s.importBuffer,
      exportBuffer: s.exportBuffer,
      clearBuffer: s.clearBuffer,
      dismissMessage: s.dismissMessage,
    })),
  );
  const fileRef = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const busy = working || isRunning(b.phase) || b.phase === 'paused';
  const [failed, setFailed] = useState<string | null>(null);
  // Refusals come back as the store's message; anything else (storage gone) is said here.
  const act = async (f: () => Promise<void>) => {
    setWorking(true);
    setFailed(null);
    try {
      await f();
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(false);
    }
  };
  const { records, examples, byRound, solvedShare } = b.buffer;
  return (
    <section className="learn-panel" aria-labelledby="learn-buffer-title" data-testid="buffer-panel">
      <h2 id="learn-buffer-title">Replay buffer</h2>
      <dl className="learn-facts">
        <dt>Searches</dt>
        <dd data-testid="buffer-records">{records}</dd>
        <dt>Examples</dt>
        <dd data-testid="buffer-examples">{examples}</dd>
        <dt>Solved</dt>
        <dd>{records > 0 ? percent(solvedShare) : '–'}</dd>
        <dt>Per round</dt>
        <dd>{roundsText(byRound)}</dd>
      </dl>
      <div className="learn-actions">
        <button
          type="button"
          className="learn-button"
          data-testid="btn-buffer-sessions"
          disabled={busy}
          title="Adds the searches of the sessions this browser has saved"
          onClick={() => void act(b.addSavedSessions)}
        >
          Add saved sessions
        </button>
        <button
          type="button"
          className="learn-button"
          data-testid="btn-buffer-import"
          disabled={busy}
          onClick={() => fileRef.current?.click()}
        >
          Import file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="input-buffer-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void act(() => b.importBuffer(file));
          }}
        />
        <button
          type="button"
          className="learn-button"
          data-testid="btn-buffer-export"
          disabled={records === 0 || working}
          onClick={() => void act(async () => downloadBlob('replay-buffer.json', await b.exportBuffer()))}
        >
          Export
        </button>
        {confirming ? (
          <span className="learn-confirm" role="group" aria-label="Clear the replay buffer?">
            Clear {records} searches?
            <button
              type="button"
              className="learn-button learn-button--danger"
              data-testid="btn-buffer-clear-yes"
              onClick={() => {
                setConfirming(false);
                void act(b.clearBuffer);
              }}
            >
              Clear
            </button>
            <button type="button" className="learn-button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="learn-button"
            data-testid="btn-buffer-clear"
            disabled={busy || records === 0}
            onClick={() => setConfirming(true)}
          >
            Clear…
          </button>
        )}
      </div>
      {failed && (
        <p className="learn-error" role="alert" data-testid="buffer-error">
          {failed}
        </p>
      )}
      {b.message && (
        <div className="learn-message" role="status" data-testid="learn-message">
          <span>{b.message}</span>
          <button
            type="button"
            className="learn-button"
            data-testid="btn-dismiss-message"
            aria-label="Dismiss the message"
            onClick={b.dismissMessage}
          >
            ×
          </button>
        </div>
      )}
    </section>
  );
}
