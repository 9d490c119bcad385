import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './status.css';

const selectModel = (s: PlaygroundState) => ({
  status: s.modelStatus,
  progress: s.progress,
  error: s.modelError,
});

/** Where the models are: not loaded, loading (with the file being fetched), ready, or failed. */
export function ModelStatus() {
  const { status, progress, error } = usePlayground(useShallow(selectModel));
  return (
    <span className="model-status" data-testid="model-status" data-status={status}>
      <span className="model-status__dot" aria-hidden="true" />
      {status === 'idle' && 'models idle'}
      {status === 'ready' && 'models ready'}
      {status === 'error' && `models error: ${error ?? 'unknown error'}`}
      {status === 'loading' && (
        <>
          models loading
          {/* Without a value the bar is indeterminate: nothing is known before the first report. */}
          <progress
            className="model-status__progress"
            data-testid="load-progress"
            max={1}
            value={progress?.totalProgress}
            aria-label="Model download"
          />
          {progress && (
            <span className="model-status__file" title={progress.file}>
              {Math.round(progress.totalProgress * 100)}% · {progress.file}
            </span>
          )}
        </>
      )}
    </span>
  );
}
