import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './files.css';

const selectImported = (s: PlaygroundState) => ({ imported: s.imported, close: s.closeImported });

/** Says that the canvas shows an imported x1 tree, with its statistics, and how to go back. */
export function ImportedBanner() {
  const { imported, close } = usePlayground(useShallow(selectImported));
  if (!imported) return null;
  const { stats } = imported;
  return (
    <div className="imported-banner" data-testid="imported-banner" role="status">
      {imported.source === 'x1' ? (
        <span>
          x1 tree <strong>{imported.title}</strong>: {stats.nodes} nodes, depth {stats.maxDepth},{' '}
          {stats.rootVisits} root visits, {stats.terminals} terminal
          {stats.terminals === 1 ? '' : 's'}. Read-only: it carries no event log to search on from.
        </span>
      ) : (
        <span>
          Journey <strong>{imported.title}</strong> as one chain: {stats.maxDepth} lines, {stats.terminals}{' '}
          {stats.terminals === 1 ? 'try' : 'tries'} that ended, backtracks included, as a long chain of
          thought writes them. Read-only.
        </span>
      )}
      <button type="button" data-testid="btn-close-import" onClick={close}>
        Back to the search
      </button>
    </div>
  );
}
