import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './status.css';

const selectRecording = (s: PlaygroundState) => s.search?.recording ?? false;

/** Says that the canvas shows a recording (while the models load), never the live search. */
export function RecordingBanner() {
  const recording = usePlayground(selectRecording);
  if (!recording) return null;
  return (
    <p className="recording-banner" data-testid="recording-banner" role="status">
      <span className="recording-banner__badge">● Recording</span> replayed while the models load; the live
      search replaces it
    </p>
  );
}
