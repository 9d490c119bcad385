import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDismiss } from '../layout/use-dismiss';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { SessionRow } from './SessionRow';
import './sessions.css';

const selectSessions = (s: PlaygroundState) => ({
  open: s.sessionsOpen,
  sessions: s.sessions,
  saveError: s.saveError,
  currentId: s.search?.sessionId ?? null,
  toggle: s.toggleSessions,
  openSession: s.openSession,
  rename: s.renameSession,
  remove: s.deleteSession,
});

/** The header's "Sessions" button and, when open, the list of sessions saved in this browser. */
export function SessionsPanel() {
  const p = usePlayground(useShallow(selectSessions));
  const currentId = p.currentId;
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, p.open, () => p.toggle(false));
  return (
    <div className="sessions" ref={ref}>
      <button
        type="button"
        data-testid="btn-sessions"
        aria-expanded={p.open}
        title="Sessions saved in this browser as they run: reopen, rename or delete one"
        onClick={() => p.toggle()}
      >
        Sessions
      </button>
      {p.open && (
        <div
          className="sessions__panel"
          data-testid="sessions-panel"
          role="dialog"
          aria-label="Saved sessions"
        >
          {p.saveError !== null && (
            <p className="sessions__error" data-testid="save-error">
              {p.saveError}
            </p>
          )}
          {p.sessions.length === 0 ? (
            <p className="sessions__empty">
              No saved sessions yet: a search is saved as soon as it has run a phase.
            </p>
          ) : (
            <ul className="sessions__list">
              {p.sessions.map((info) => (
                <SessionRow
                  key={info.id}
                  info={info}
                  current={info.id === currentId}
                  onOpen={(id) => void p.openSession(id)}
                  onRename={(id, name) => void p.rename(id, name)}
                  onDelete={(id) => void p.remove(id)}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
