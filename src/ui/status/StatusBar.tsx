import { BackendInfo } from './BackendInfo';
import { ErrorBanner } from './ErrorBanner';
import { ModelStatus } from './ModelStatus';
import { SearchStatus } from './SearchStatus';
import './status.css';

/** The models' and the search's state in one line, with any error below it. */
export function StatusBar() {
  return (
    <div className="status-bar" data-testid="status-bar">
      <div className="status-bar__line">
        <ModelStatus />
        <BackendInfo />
        <SearchStatus />
      </div>
      <ErrorBanner />
    </div>
  );
}
