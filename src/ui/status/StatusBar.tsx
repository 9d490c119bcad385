import { BackendInfo } from './BackendInfo';
import { ModelStatus } from './ModelStatus';
import { SearchStatus } from './SearchStatus';
import './status.css';

/**
 * The models' and the search's state on one line of constant height: what does not fit is cut
 * with an ellipsis (the whole text is in each part's title), never wrapped, so the header never
 * grows. Errors are shown above the controls (ErrorBanner), not here.
 */
export function StatusBar() {
  return (
    <div className="status-bar" data-testid="status-bar">
      <div className="status-bar__line">
        <ModelStatus />
        <SearchStatus />
        <BackendInfo />
      </div>
    </div>
  );
}
