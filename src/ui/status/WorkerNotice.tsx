import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './status.css';

const selectNote = (s: PlaygroundState) => ({ note: s.workerNote, dismiss: s.dismissWorkerNote });

/**
 * Says when the model worker was lost (a crash, a close, no answer, a lost GPU) and replaced:
 * while the new one loads the models, once the search goes on, or why it could not go on.
 */
export function WorkerNotice() {
  const { note, dismiss } = usePlayground(useShallow(selectNote));
  if (!note) return null;
  return (
    <div className="worker-notice" data-testid="worker-note" data-state={note.state} role="status">
      <span>{note.text}</span>
      {note.state !== 'restarting' && (
        <button
          type="button"
          className="error-banner__button"
          data-testid="btn-dismiss-worker-note"
          onClick={dismiss}
        >
          Dismiss
        </button>
      )}
    </div>
  );
}
