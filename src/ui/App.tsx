import { Controls } from './controls/Controls';
import { PhaseNote } from './controls/PhaseNote';
import { Timeline } from './controls/Timeline';
import { NodeInspector } from './inspector/NodeInspector';
import { TreeCanvas } from './layout/TreeCanvas';
import { ModelPanel } from './panels/ModelPanel';
import { ProblemPanel } from './panels/ProblemPanel';
import { StrategyPanel } from './panels/StrategyPanel';
import { StatusBar } from './status/StatusBar';
import './app.css';

/** The playground: setup on the left, the tree and its controls in the middle, the inspector on the right. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>RLM Playground</h1>
        <StatusBar />
      </header>
      <aside className="app-setup">
        <ProblemPanel />
        <ModelPanel />
        <StrategyPanel />
      </aside>
      <main className="app-main">
        <Controls />
        <PhaseNote />
        <TreeCanvas />
        <Timeline />
      </main>
      <aside className="app-inspector">
        <NodeInspector />
      </aside>
    </div>
  );
}
