import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './status.css';

const selectBackend = (s: PlaygroundState) => ({
  backend: s.backend,
  reason: s.backendReason,
  dtype: s.dtype,
});

/**
 * The backend the models run on and why it was chosen. The backend sits alone in its element so
 * that its text is exactly `webgpu` or `wasm` (empty before loading).
 */
export function BackendInfo() {
  const { backend, reason, dtype } = usePlayground(useShallow(selectBackend));
  return (
    <span className="backend-info" title={reason || undefined}>
      <span className="backend-info__name" data-testid="backend" data-backend={backend ?? undefined}>
        {backend ?? ''}
      </span>
      {dtype && (
        <span className="backend-info__dtype" data-testid="dtype">
          {dtype}
        </span>
      )}
      {reason && (
        <span className="backend-info__reason" data-testid="backend-reason">
          {reason}
        </span>
      )}
    </span>
  );
}
