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
      <span>
        x1 tree <strong>{imported.title}</strong>: {stats.nodes} nodes, depth {stats.maxDepth},{' '}
        {stats.rootVisits} root visits, {stats.terminals} terminal
        {stats.terminals === 1 ? '' : 's'}. Read-only: it carries no event log to search on from.
      </span>
      <button type="button" data-testid="btn-close-import" onClick={close}>
        Back to the search
      </button>
    </div>
  );
}
