import { Controls } from './controls/Controls';
import { PhaseNote } from './controls/PhaseNote';
import { Timeline } from './controls/Timeline';
import { ImportedBanner } from './files/ImportedBanner';
import { NodeInspector } from './inspector/NodeInspector';
import { HeaderActions } from './layout/HeaderActions';
import { SetupToggle } from './layout/SetupToggle';
import { TreeCanvas } from './layout/TreeCanvas';
import { useDrawer } from './layout/use-drawer';
import { usePresenterEscape } from './layout/use-presenter-escape';
import { LessonHint } from './lesson/LessonHint';
import { LessonPanel } from './lesson/LessonPanel';
import { SetupPanel } from './panels/SetupPanel';
import { ErrorBanner } from './status/ErrorBanner';
import { RecordingBanner } from './status/RecordingBanner';
import { StatusBar } from './status/StatusBar';
import { WorkerNotice } from './status/WorkerNotice';
import { usePlayground } from './store-context';
import './app.css';
import './layout/layout.css';
import './presenter.css';

/**
 * The playground: the tree and its controls in the middle, always the largest thing on the screen;
 * setup on the left and the lesson and inspector on the right, docked where there is room and
 * drawers where there is not (layout.css). The presenter view scales the whole page for a
 * projector and keeps the canvas and one panel: the lesson when it is open, else the inspector.
 */
export function App() {
  const presenter = usePlayground((s) => s.presenter);
  const setPresenter = usePlayground((s) => s.setPresenter);
  const lessonOpen = usePlayground((s) => s.lessonOpen);
  const selecting = usePlayground((s) => s.selectedId !== null);
  const {
    open: setupOpen,
    toggle: toggleSetup,
    close: closeSetup,
    panelRef: setupRef,
    toggleRef: setupToggleRef,
  } = useDrawer<HTMLElement, HTMLButtonElement>(true);
  const {
    open: sideOpen,
    toggle: toggleSide,
    panelRef: sideRef,
    toggleRef: sideToggleRef,
  } = useDrawer<HTMLElement, HTMLButtonElement>();
  usePresenterEscape(presenter, () => setPresenter(false));
  const className = [
    'app',
    presenter && 'presenter',
    lessonOpen && 'app--lesson',
    setupOpen && 'app--setup-open',
    sideOpen && 'app--side-open',
    // Projected with no lesson and no node chosen, the side panel would only say "click a node".
    presenter && !lessonOpen && !selecting && 'app--side-empty',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} data-testid="app" data-presenter={presenter}>
      <header className="app-header">
        <SetupToggle open={setupOpen} toggle={toggleSetup} ref={setupToggleRef} />
        <h1>RLM Playground</h1>
        <StatusBar />
        <HeaderActions sideOpen={sideOpen} toggleSide={toggleSide} sideRef={sideToggleRef} />
      </header>
      <aside className="app-setup" ref={setupRef} data-testid="setup-drawer" aria-label="Setup">
        <div className="app-drawer__head">
          <strong>Setup</strong>
          <button
            type="button"
            data-testid="btn-setup-close"
            title="Close the setup (Esc)"
            onClick={closeSetup}
          >
            ✕
          </button>
        </div>
        <div className="app-setup__body">
          <SetupPanel />
        </div>
      </aside>
      <main className="app-main">
        <ErrorBanner />
        <Controls />
        <ImportedBanner />
        <RecordingBanner />
        <WorkerNotice />
        <PhaseNote />
        <TreeCanvas />
        <Timeline />
      </main>
      <aside
        className="app-inspector"
        ref={sideRef}
        data-testid="side-panel"
        aria-label="Lesson and inspector"
      >
        <LessonHint />
        <LessonPanel />
        <NodeInspector />
      </aside>
    </div>
  );
}
