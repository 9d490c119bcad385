import { Controls } from './controls/Controls';
import { PhaseNote } from './controls/PhaseNote';
import { Timeline } from './controls/Timeline';
import { ImportedBanner } from './files/ImportedBanner';
import { NodeInspector } from './inspector/NodeInspector';
import { HeaderActions } from './layout/HeaderActions';
import { TreeCanvas } from './layout/TreeCanvas';
import { LessonHint } from './lesson/LessonHint';
import { LessonPanel } from './lesson/LessonPanel';
import { SetupPanel } from './panels/SetupPanel';
import { RecordingBanner } from './status/RecordingBanner';
import { StatusBar } from './status/StatusBar';
import { WorkerNotice } from './status/WorkerNotice';
import { usePlayground } from './store-context';
import './app.css';
import './presenter.css';

/**
 * The playground: setup on the left, the tree and its controls in the middle, the lesson and the
 * inspector on the right. The presenter view keeps only the canvas and the lesson, in large type.
 */
export function App() {
  const presenter = usePlayground((s) => s.presenter && s.lessonOpen);
  const lessonOpen = usePlayground((s) => s.lessonOpen);
  const className = ['app', presenter ? 'presenter' : '', lessonOpen ? 'app--lesson' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} data-testid="app" data-presenter={presenter}>
      <header className="app-header">
        <h1>RLM Playground</h1>
        <StatusBar />
        <HeaderActions />
      </header>
      <aside className="app-setup">
        <SetupPanel />
      </aside>
      <main className="app-main">
        <Controls />
        <ImportedBanner />
        <RecordingBanner />
        <WorkerNotice />
        <PhaseNote />
        <TreeCanvas />
        <Timeline />
      </main>
      <aside className="app-inspector">
        <LessonHint />
        <LessonPanel />
        <NodeInspector />
      </aside>
    </div>
  );
}
