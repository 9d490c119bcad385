import { useState } from 'react';
import type { SavedSessionInfo } from '../../state/persistence/session-archive';
import { MAX_SESSION_NAME } from '../../state/persistence/session-archive';

export interface SessionRowProps {
  readonly info: SavedSessionInfo;
  readonly current: boolean;
  readonly onOpen: (id: string) => void;
  readonly onRename: (id: string, name: string) => void;
  readonly onDelete: (id: string) => void;
}

const when = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** One saved session: its name (renamed in place), what it holds, and open / rename / delete. */
export function SessionRow({ info, current, onOpen, onRename, onDelete }: SessionRowProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const { summary } = info;
  const commit = () => {
    if (editing !== null && editing.trim() !== '') onRename(info.id, editing);
    setEditing(null);
  };
  return (
    <li className="session-row" data-testid="session-row" data-session-id={info.id} data-current={current}>
      {editing === null ? (
        <span className="session-row__name" data-testid="session-name">
          {info.name}
        </span>
      ) : (
        <input
          className="session-row__input"
          data-testid="session-rename-input"
          aria-label="Session name"
          value={editing}
          maxLength={MAX_SESSION_NAME}
          autoFocus
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              // Cancels the rename only: the panel around it stays open.
              e.preventDefault();
              setEditing(null);
            }
          }}
          onBlur={commit}
        />
      )}
      <span className="session-row__meta">
        {summary.nodes} nodes · {summary.simulations} sims · {summary.solved ? 'solved' : 'not solved'} ·{' '}
        {when(info.updatedAt)}
        {current && ' · on show'}
      </span>
      <span className="session-row__actions">
        <button
          type="button"
          data-testid="btn-session-open"
          disabled={current}
          onClick={() => onOpen(info.id)}
        >
          Open
        </button>
        <button type="button" data-testid="btn-session-rename" onClick={() => setEditing(info.name)}>
          Rename
        </button>
        <button type="button" data-testid="btn-session-delete" onClick={() => onDelete(info.id)}>
          Delete
        </button>
      </span>
    </li>
  );
}
