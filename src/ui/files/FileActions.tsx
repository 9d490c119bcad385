import { useRef, useState, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { serializeSession } from '../../state/files/session-file';
import type { PlaygroundState } from '../../state/store-types';
import { downloadBlob, downloadText } from '../export/download';
import { svgToPngBlob } from '../export/png-export';
import { exportSvgDocument } from '../export/svg-export';
import { usePlayground } from '../store-context';
import './files.css';

const selectFiles = (s: PlaygroundState) => ({
  canExportSession: s.search !== null && !s.search.recording && s.imported === null,
  hasTree: s.search !== null || s.imported !== null,
  busy: s.busy,
  exportSession: s.exportSession,
  importFile: s.importFile,
  fit: s.fit,
});

/** Two frames: React has rendered the fitted view and the browser has laid it out. */
const nextFrames = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** The tree's drawing on the page: the one tree view of the playground. */
function treeSvg(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('[data-testid="tree-svg"]');
}

/** A file name from the setup: what was searched and how, so exports from a class stay apart. */
function baseName(s: PlaygroundState): string {
  const problem =
    s.setup.task === 'countdown'
      ? `${s.setup.numbers.replace(/,/g, '-')}-to-${s.setup.target}`
      : s.setup.problem;
  return `rlm-${s.setup.strategy}-${problem}-seed${s.setup.seed}`.replace(/[^\w.-]+/g, '_');
}

/** Export the session (JSON) and the drawing (SVG, PNG); import our JSON or an x1 tree. */
export function FileActions() {
  const f = usePlayground(useShallow(selectFiles));
  const name = usePlayground(baseName);
  const [working, setWorking] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const exportJson = () => {
    const file = f.exportSession();
    if (file) downloadText(`${name}.json`, serializeSession(file), 'application/json');
  };

  const exportDrawing = async (kind: 'svg' | 'png') => {
    // Labels are drawn only for nodes in view: fit the whole tree first, so the figure has the
    // labels the whole tree shows at that scale.
    f.fit();
    await nextFrames();
    const svg = treeSvg();
    if (!svg) return;
    const drawing = exportSvgDocument(svg);
    if (kind === 'svg') return downloadText(`${name}.svg`, drawing.text, 'image/svg+xml');
    setWorking(true);
    try {
      downloadBlob(`${name}.png`, await svgToPngBlob(drawing.text, drawing.width, drawing.height));
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
        data-testid="btn-export-svg"
        disabled={!f.hasTree}
        title="Save the tree's drawing as SVG"
        onClick={() => void exportDrawing('svg')}
      >
        SVG
      </button>
      <button
        type="button"
        data-testid="btn-export-png"
        disabled={!f.hasTree || working}
        title="Save the tree's drawing as PNG (twice the screen's resolution)"
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
