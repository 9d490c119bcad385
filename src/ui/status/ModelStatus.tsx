import { useShallow } from 'zustand/react/shallow';
import type { LoadProgress } from '../../state/model-provider';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './status.css';

const selectModel = (s: PlaygroundState) => ({
  status: s.modelStatus,
  progress: s.progress,
  error: s.modelError,
  pending: s.pendingDownload,
  confirm: s.confirmDownload,
});

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/** "x.x of y.y MB" where the bytes are known, else the share done; nothing before the first report. */
function totalText(progress: LoadProgress | null): string {
  if (!progress) return '';
  const { loadedBytes, totalBytes } = progress;
  if (loadedBytes !== undefined && totalBytes !== undefined && totalBytes > 0)
    return `all files: ${megabytes(loadedBytes)} of ${megabytes(totalBytes)} MB`;
  return `all files: ${Math.round(progress.totalProgress * 100)}%`;
}

/**
 * Where the models are: not loaded, loading, ready, or failed. While loading, one bar follows the
 * file being fetched and one the whole download; without a value a bar is indeterminate, since
 * nothing is known before the first report.
 */
export function ModelStatus() {
  const { status, progress, error, pending, confirm } = usePlayground(useShallow(selectModel));
  return (
    <span className="model-status" data-testid="model-status" data-status={status} title={`models ${status}`}>
      <span className="model-status__dot" aria-hidden="true" />
      {status === 'idle' && 'models idle'}
      {status === 'confirm' && pending && (
        <span className="model-status__confirm" data-testid="download-confirm">
          download {pending.ids.join(' and ')}: {pending.size}?{' '}
          <button type="button" data-testid="btn-confirm-download" onClick={confirm}>
            Download
          </button>
        </span>
      )}
      {status === 'ready' && <span className="model-status__text">models ready</span>}
      {status === 'error' && `models error: ${error ?? 'unknown error'}`}
      {status === 'loading' && (
        <>
          models loading
          <span className="download-progress" data-testid="download-progress">
            <span className="download-progress__row">
              <progress
                className="model-status__progress model-status__progress--file"
                data-testid="download-progress-file"
                max={1}
                value={progress?.fileProgress}
                aria-label="Current file download"
              />
              <span className="model-status__file" title={progress?.file}>
                {progress ? `${progress.file}: ${Math.round(progress.fileProgress * 100)}%` : 'starting…'}
              </span>
            </span>
            <span className="download-progress__row" data-testid="load-progress">
              <progress
                className="model-status__progress"
                data-testid="download-progress-total"
                max={1}
                value={progress?.totalProgress}
                aria-label="Model download"
              />
              <span className="model-status__file">{totalText(progress)}</span>
            </span>
          </span>
        </>
      )}
    </span>
  );
}
