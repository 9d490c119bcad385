import { useRef, useState, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { serializeSession } from '../../state/files/session-file';
import type { PlaygroundState } from '../../state/store-types';
import { downloadBlob, downloadText } from '../export/download';
import { svgToPngBlob } from '../export/png-export';
import { slideFromState } from '../export/slide-from-state';
import { buildSlideSvg, SLIDE_HEIGHT, SLIDE_WIDTH } from '../export/slide-svg';
import { usePlayground, usePlaygroundStore } from '../store-context';
import './files.css';

const selectFiles = (s: PlaygroundState) => ({
  canExportSession: s.search !== null && !s.search.recording && s.imported === null,
  hasTree: s.search !== null || s.imported !== null,
  busy: s.busy,
  exportSession: s.exportSession,
  exportX1: s.exportX1,
  exportJourney: s.exportJourney,
  importFile: s.importFile,
});

/** A file name from the setup: what was searched and how, so exports from a class stay apart. */
function baseName(s: PlaygroundState): string {
  const problem =
    s.setup.task === 'countdown'
      ? `${s.setup.numbers.replace(/,/g, '-')}-to-${s.setup.target}`
      : s.setup.problem;
  return `rlm-${s.setup.strategy}-${problem}-seed${s.setup.seed}`.replace(/[^\w.-]+/g, '_');
}

/** Export the session (JSON) and the tree as a slide (SVG, PNG); import our JSON or an x1 tree. */
export function FileActions() {
  const f = usePlayground(useShallow(selectFiles));
  const store = usePlaygroundStore();
  const name = usePlayground(baseName);
  const [working, setWorking] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const exportJson = () => {
    const file = f.exportSession();
    if (file) downloadText(`${name}.json`, serializeSession(file), 'application/json');
  };

  const exportX1 = () => {
    const tree = f.exportX1();
    // x1 names its file so; its tools look for that name.
    if (tree) downloadText('mcts_tree_final.json', JSON.stringify(tree, null, 2), 'application/json');
  };

  const exportJourney = () => {
    const journey = f.exportJourney();
    if (journey) downloadText(`${name}-journey.json`, JSON.stringify(journey, null, 2), 'application/json');
  };

  // The slide is built from the tree on show, not copied from the page: whatever the pan, zoom or
  // folds on screen, it shows the whole tree, and no button can end up in the picture.
  const exportDrawing = async (kind: 'svg' | 'png') => {
    const slide = slideFromState(store.getState());
    if (!slide) return;
    const text = buildSlideSvg(slide);
    if (kind === 'svg') return downloadText(`${name}.svg`, text, 'image/svg+xml');
    setWorking(true);
    try {
      downloadBlob(`${name}.png`, await svgToPngBlob(text, SLIDE_WIDTH, SLIDE_HEIGHT, 1));
    } finally {
      setWorking(false);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file chosen twice in a row must fire again.
    event.target.value = '';
    if (file) await f.importFile(file);
  };

  return (
    <div className="file-actions" role="group" aria-label="Export and import">
      <button
        type="button"
        data-testid="btn-export-json"
        disabled={!f.canExportSession}
        title="Save the session (setup, tree, event log) as JSON; docs/tree-format.md describes it"
        onClick={exportJson}
      >
        Export JSON
      </button>
      <button
        type="button"
        data-testid="btn-export-x1"
        disabled={!f.canExportSession}
        title="Save the tree as x1 writes its MCTS tree (mcts_tree_final.json, x1's field names); Import reads it back"
        onClick={exportX1}
      >
        x1 tree
      </button>
      <button
        type="button"
        data-testid="btn-export-journey"
        disabled={!f.canExportSession}
        title="Save the search as one linear trace, in the order it happened, failures and backtracks included (Import reads it back as a chain)"
        onClick={exportJourney}
      >
        Journey
      </button>
      <button
        type="button"
        data-testid="btn-export-svg"
        disabled={!f.hasTree}
        title="Save the tree as a 16:9 slide (SVG): the problem as title, a legend, N and Q on the nodes"
        onClick={() => void exportDrawing('svg')}
      >
        SVG
      </button>
      <button
        type="button"
        data-testid="btn-export-png"
        disabled={!f.hasTree || working}
        title="Save the tree as a 16:9 slide (PNG, 1920 × 1080)"
        onClick={() => void exportDrawing('png')}
      >
        PNG
      </button>
      <button
        type="button"
        disabled={f.busy}
        title="Open a session exported here, or an x1 tree (mcts_tree_final.json)"
        onClick={() => input.current?.click()}
      >
        Import…
      </button>
      <input
        ref={input}
        className="file-actions__input"
        type="file"
        accept=".json,application/json"
        data-testid="import-file"
        onChange={(e) => void onFile(e)}
      />
    </div>
  );
}
